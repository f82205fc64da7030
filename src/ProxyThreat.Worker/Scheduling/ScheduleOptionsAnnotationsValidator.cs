using Microsoft.Extensions.Options;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>Checks the ranges annotated on <see cref="ScheduleOptions"/>' properties; generated.</summary>
[OptionsValidator]
internal sealed partial class ScheduleOptionsAnnotationsValidator : IValidateOptions<ScheduleOptions>;
