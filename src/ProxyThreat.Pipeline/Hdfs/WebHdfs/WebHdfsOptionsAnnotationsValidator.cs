using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>Checks the ranges annotated on <see cref="WebHdfsOptions"/>' properties; generated.</summary>
[OptionsValidator]
internal sealed partial class WebHdfsOptionsAnnotationsValidator : IValidateOptions<WebHdfsOptions>;
