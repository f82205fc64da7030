using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>Checks the ranges annotated on <see cref="GraphQLSourceOptions"/>' properties; generated.</summary>
[OptionsValidator]
internal sealed partial class GraphQLSourceOptionsAnnotationsValidator : IValidateOptions<GraphQLSourceOptions>;
