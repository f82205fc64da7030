using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline;

/// <summary>
/// Binds an options section, refusing keys no property reads and values the property's type cannot take, so a
/// misspelt key or a bad value is an error naming the key and saying what it accepts.
/// </summary>
public static class OptionsBinding
{
    /// <summary>
    /// Registers an options section bound by <see cref="Bind"/> and checked by its validator when the host
    /// starts, so a bad or unknown key stops the worker before any work.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddValidatedOptions<TOptions>(section);
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }

    /// <summary>
    /// Registers an options section checked at start by the validator generated from its properties' annotations
    /// (<see cref="KeyRangeAttribute"/>, <see cref="KeyRequiredAttribute"/>) and by its hand-written validator, for
    /// what annotations cannot say; both run, and every failure of either is reported.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator, TAnnotationsValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TAnnotationsValidator : class, IValidateOptions<TOptions>, new()
    {
        services.AddValidatedOptions<TOptions, TValidator>(section);
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionNamed<TOptions>(section, new TAnnotationsValidator()));
        return services;
    }

    /// <summary>Registers an options section whose keys and value types are all there is to check, at start.</summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddOptionsWithValidateOnStart<TOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(configuration, section, options));
        return services;
    }

    /// <summary>
    /// The configuration key a generated validator checks: it names a property by the options' name, the path to it
    /// and the property (<c>Notify.Webhooks[0].Url</c>), and a section's annotations are run with the section as that
    /// name (<c>Notify:Webhooks:0:Url</c>).
    /// </summary>
    internal static string Key(ValidationContext context) =>
        context.DisplayName.Replace('[', '.').Replace("]", string.Empty, StringComparison.Ordinal).Replace('.', ':');

    internal static void Bind(IConfiguration configuration, string path, object options)
    {
        var section = configuration.GetSection(path);
        var replaced = RenamedKeys.Replaced(configuration);
        var unknown = UnknownKeys(section, options.GetType(), replaced).ToList();
        if (unknown.Count > 0)
        {
            throw new OptionsValidationException(section.Path, options.GetType(), [$"unknown configuration key {string.Join(", ", unknown)}"]);
        }

        var bad = BadValues(section, options.GetType(), replaced).ToList();
        if (bad.Count > 0)
        {
            throw new OptionsValidationException(section.Path, options.GetType(), bad);
        }

        section.Bind(options);
    }

    private static IEnumerable<string> UnknownKeys(IConfigurationSection section, Type type, IReadOnlySet<string> replaced)
    {
        foreach (var child in section.GetChildren().Where(c => !replaced.Contains(c.Path)))
        {
            var property = Property(type, child.Key);
            if (property is null || (!property.CanWrite && !IsCollection(property.PropertyType)))
            {
                yield return child.Path;
            }
            else if (IsNested(property.PropertyType))
            {
                foreach (var key in UnknownKeys(child, property.PropertyType, replaced))
                {
                    yield return key;
                }
            }
            else if (NestedElement(property.PropertyType) is { } element)
            {
                foreach (var key in child.GetChildren().SelectMany(e => UnknownKeys(e, element, replaced)))
                {
                    yield return key;
                }
            }
        }
    }

    /// <summary>The options class a list holds (as <c>Notify:Webhooks:N:Url</c>), whose entries are checked key by key; null for other types.</summary>
    private static Type? NestedElement(Type type)
    {
        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments() is [var only] && IsCollection(type) ? only
            : null;
        return element is not null && IsNested(element) ? element : null;
    }

    /// <summary>Values the binder would refuse with only a .NET type name; each message says what the key takes.</summary>
    private static IEnumerable<string> BadValues(IConfigurationSection section, Type type, IReadOnlySet<string> replaced)
    {
        foreach (var child in section.GetChildren().Where(c => !replaced.Contains(c.Path)))
        {
            var propertyType = Property(type, child.Key)!.PropertyType;
            if (IsNested(propertyType))
            {
                foreach (var message in BadValues(child, propertyType, replaced))
                {
                    yield return message;
                }
            }
            else if (NestedElement(propertyType) is { } entryType)
            {
                foreach (var message in child.GetChildren().SelectMany(e => BadValues(e, entryType, replaced)))
                {
                    yield return message;
                }
            }
            else if (propertyType.IsArray)
            {
                foreach (var element in child.GetChildren())
                {
                    if (Refusal(element, propertyType.GetElementType()!) is { } message)
                    {
                        yield return message;
                    }
                }
            }
            else if (Refusal(child, propertyType) is { } message)
            {
                yield return message;
            }
        }
    }

    private static string? Refusal(IConfigurationSection entry, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (entry.Value is not { } value)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList();
            return names.Contains(value.ToLowerInvariant()) ? null : $"{entry.Path} '{value}' must be one of: {string.Join(", ", names)}";
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.TryParse(value, inv, out _) ? null : $"{entry.Path} '{value}' is not a duration: write [d.]hh:mm:ss[.fff], e.g. 00:15:00 for 15 minutes";
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(value, out _) ? null : $"{entry.Path} '{value}' must be true or false";
        }

        if (type == typeof(int))
        {
            return int.TryParse(value, NumberStyles.AllowLeadingSign, inv, out _) ? null : $"{entry.Path} '{value}' is not a whole number";
        }

        return null;
    }

    private static PropertyInfo? Property(Type type, string key) =>
        type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    // Nested options classes are checked key by key; lists, dictionaries and scalars take whatever keys they hold.
    private static bool IsNested(Type type) =>
        type.IsClass && !IsCollection(type) && type != typeof(string);

    /// <summary>Runs a generated validator with the section as the options' name, so that <see cref="Key"/> finds each key.</summary>
    private sealed class SectionNamed<TOptions>(string section, IValidateOptions<TOptions> annotations) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options) => annotations.Validate(section, options);
    }
}
