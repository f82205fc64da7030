using System.Runtime.InteropServices;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos.Internal;

/// <summary>
/// Sets environment variables where native libraries read them. On Unix, .NET keeps its own copy of the
/// environment, and <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only that copy:
/// MIT Kerberos, which reads <c>KRB5CCNAME</c> and the like with <c>getenv</c>, would never see it.
/// </summary>
internal static class NativeEnvironment
{
    /// <summary>Sets a variable in the native environment and in .NET's copy (which child processes inherit).</summary>
    public static void Set(string name, string value)
    {
        if (NativeMethods.setenv(CString(name), CString(value), 1) != 0)
        {
            throw new InvalidOperationException($"could not set the environment variable {name} (errno {Marshal.GetLastPInvokeError()})");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    private static byte[] CString(string text) => System.Text.Encoding.UTF8.GetBytes(text + '\0');

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int setenv(byte[] name, byte[] value, int overwrite);
    }
}
