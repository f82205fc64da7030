using System.ComponentModel.DataAnnotations;

namespace ProxyThreat.Pipeline;

/// <summary>
/// An optional text that goes into a request header: unset (or empty) passes; otherwise it must hold something
/// besides blanks and be header text (<see cref="HeaderText"/>). The message names the key, never the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeySingleLineAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string { Length: > 0 } text)
        {
            return ValidationResult.Success;
        }

        var key = OptionsBinding.Key(validationContext);
        return string.IsNullOrWhiteSpace(text) || !HeaderText.IsSingleLine(text) ? new ValidationResult($"{key} must be a single line holding more than blanks")
            : !HeaderText.IsAscii(text) ? new ValidationResult($"{key} {HeaderText.NotAscii}")
            : ValidationResult.Success;
    }
}
