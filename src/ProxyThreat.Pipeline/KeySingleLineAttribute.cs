using System.ComponentModel.DataAnnotations;

namespace ProxyThreat.Pipeline;

/// <summary>
/// An optional text that goes into a request header: unset (or empty) passes; otherwise it must hold something
/// besides blanks and no line break or NUL, which would end or split the header. The message names the key, never the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeySingleLineAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return value is not string { Length: > 0 } text || (!string.IsNullOrWhiteSpace(text) && !text.Any(c => c is '\r' or '\n' or '\0'))
            ? ValidationResult.Success
            : new ValidationResult($"{OptionsBinding.Key(validationContext)} must be a single line holding more than blanks");
    }
}
