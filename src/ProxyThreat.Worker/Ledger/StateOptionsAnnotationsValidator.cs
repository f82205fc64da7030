using Microsoft.Extensions.Options;

namespace ProxyThreat.Worker.Ledger;

/// <summary>Checks the ranges annotated on <see cref="StateOptions"/>' properties; generated.</summary>
[OptionsValidator]
internal sealed partial class StateOptionsAnnotationsValidator : IValidateOptions<StateOptions>;
