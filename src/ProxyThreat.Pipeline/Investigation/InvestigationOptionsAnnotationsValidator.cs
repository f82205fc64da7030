using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>Checks the ranges annotated on <see cref="InvestigationOptions"/>' properties; generated.</summary>
[OptionsValidator]
internal sealed partial class InvestigationOptionsAnnotationsValidator : IValidateOptions<InvestigationOptions>;
