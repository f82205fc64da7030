using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ProxyThreat.Pipeline;

/// <summary>
/// <see cref="RangeAttribute"/> whose message names the configuration key and the value refused. The options
/// source generator's own copy of <c>[Range]</c> ignores <see cref="ValidationAttribute.ErrorMessage"/> and names the
/// property by its type (dotnet/runtime#123137); this attribute it runs as it is.
/// </summary>
/// <remarks>
/// <see cref="ValidationAttribute.ErrorMessage"/>, when set, is the message's format: {0} the key, {1} and {2} the
/// bounds, {3} the value.
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeyRangeAttribute : RangeAttribute
{
    private const string DefaultFormat = "{0} must be from {1} to {2}; got {3}";

    public KeyRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    /// <summary>A range of another type, such as <see cref="TimeSpan"/>, whose bounds are written in the invariant culture.</summary>
    public KeyRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
        ParseLimitsInInvariantCulture = true;
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return IsValid(value)
            ? ValidationResult.Success
            : new ValidationResult(string.Format(CultureInfo.InvariantCulture, ErrorMessage ?? DefaultFormat, OptionsBinding.Key(validationContext), Minimum, Maximum, value));
    }
}
