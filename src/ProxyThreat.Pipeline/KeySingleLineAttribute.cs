using System.ComponentModel.DataAnnotations;
using System.Text;

namespace ProxyThreat.Pipeline;

/// <summary>
/// An optional text that goes into a request header: unset (or empty) passes; otherwise it must hold something
/// besides blanks and no line break or NUL, which would end or split the header, and only ASCII, as .NET's HTTP
/// client sends no other header text (it would fail every request, as if the server could not be reached). The
/// message names the key, never the value.
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
        return string.IsNullOrWhiteSpace(text) || text.Any(c => c is '\r' or '\n' or '\0') ? new ValidationResult($"{key} must be a single line holding more than blanks")
            : !Ascii.IsValid(text) ? new ValidationResult($"{key} must be ASCII: it is sent as a request header, which carries no other text")
            : ValidationResult.Success;
    }
}
