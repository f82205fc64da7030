namespace ProxyThreat.Pipeline.Hdfs.WebHdfs;

/// <summary>What answers at the configured base URLs.</summary>
public enum WebHdfsGateway
{
    /// <summary>NameNodes' own WebHDFS: CREATE and OPEN are redirected (307) to a DataNode.</summary>
    WebHdfs,

    /// <summary>An HttpFS gateway: it takes and serves file bodies itself, and ignores <c>renameoptions</c>.</summary>
    HttpFs,
}
