using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>Checks the ranges and required values annotated on <see cref="NotifyOptions"/>' properties, its TheHive's and its webhooks'; generated.</summary>
[OptionsValidator]
internal sealed partial class NotifyOptionsAnnotationsValidator : IValidateOptions<NotifyOptions>;
