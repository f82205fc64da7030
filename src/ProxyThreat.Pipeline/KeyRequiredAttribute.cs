using System.ComponentModel.DataAnnotations;

namespace ProxyThreat.Pipeline;

/// <summary><see cref="RequiredAttribute"/> whose message names the configuration key, as <see cref="KeyRangeAttribute"/>'s does.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeyRequiredAttribute : RequiredAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return IsValid(value) ? ValidationResult.Success : new ValidationResult($"{OptionsBinding.Key(validationContext)} is required");
    }
}
