using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline;

/// <summary>Binds an options section, refusing keys no property reads, so a misspelt key is an error naming it.</summary>
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
        services.AddOptionsWithValidateOnStart<TOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(configuration.GetSection(section), options));
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }

    internal static void Bind(IConfigurationSection section, object options)
    {
        var unknown = UnknownKeys(section, options.GetType()).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"unknown configuration key {string.Join(", ", unknown)}");
        }

        section.Bind(options);
    }

    private static IEnumerable<string> UnknownKeys(IConfigurationSection section, Type type)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || (!property.CanWrite && !IsCollection(property.PropertyType)))
            {
                yield return child.Path;
            }
            else if (IsNested(property.PropertyType))
            {
                foreach (var key in UnknownKeys(child, property.PropertyType))
                {
                    yield return key;
                }
            }
        }
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    // Nested options classes are checked key by key; lists, dictionaries and scalars take whatever keys they hold.
    private static bool IsNested(Type type) =>
        type.IsClass && !IsCollection(type) && type != typeof(string);
}
