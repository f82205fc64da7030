using Microsoft.Extensions.Options;

namespace ProxyThreat.Worker.Hooks;

/// <summary>Checks the ranges annotated on <see cref="HookOptions"/>' properties; generated.</summary>
[OptionsValidator]
internal sealed partial class HookOptionsAnnotationsValidator : IValidateOptions<HookOptions>;
