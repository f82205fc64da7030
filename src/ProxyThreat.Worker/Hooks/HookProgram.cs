using System.Globalization;
using System.Runtime.InteropServices;

namespace ProxyThreat.Worker.Hooks;

/// <summary>
/// The program a hook runs, found as <c>execvp</c> would (a bare name on <c>PATH</c>, a relative path against the
/// working directory) and proved runnable by this process's user before it is ever needed.
/// </summary>
public static class HookProgram
{
    private const int ExecuteAccess = 1;

    /// <summary>The program's absolute path, or why this user cannot run it (naming <paramref name="key"/>).</summary>
    public static (string? Path, string? Problem) Resolve(string key, string command)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            return (null, $"{key} is empty: name the program to run (best an absolute path), then its arguments as the next elements");
        }

        if (!command.Contains('/', StringComparison.Ordinal))
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = System.IO.Path.Join(folder, command);
                if (File.Exists(candidate) && Problem(key, command, candidate) is null)
                {
                    return (System.IO.Path.GetFullPath(candidate), null);
                }
            }

            return (null, $"{key} '{command}' is not an executable file on PATH ({path}); give its absolute path");
        }

        var full = System.IO.Path.GetFullPath(command);
        return Problem(key, command, full) is { } problem ? (null, problem) : (full, null);
    }

    /// <summary>The user the check is made for: the one the worker runs as (under the unit, its <c>User=</c>).</summary>
    public static string User => Environment.UserName;

    /// <summary>Folders the shipped unit hides or replaces (<c>ProtectHome</c>, <c>PrivateTmp</c>): a program there exists for <c>check</c> run by hand, never for the service.</summary>
    public static string? HiddenBySandbox(string path) =>
        new[] { ("/home/", "ProtectHome"), ("/root/", "ProtectHome"), ("/run/user/", "ProtectHome"), ("/tmp/", "PrivateTmp"), ("/var/tmp/", "PrivateTmp") }
            .Where(h => path.StartsWith(h.Item1, StringComparison.Ordinal))
            .Select(h => $"{h.Item1.TrimEnd('/')} ({h.Item2}=yes)")
            .FirstOrDefault();

    private static string? Problem(string key, string command, string path)
    {
        if (Directory.Exists(path))
        {
            return $"{key} '{command}' is a folder, not a program";
        }

        if (!File.Exists(path))
        {
            return path == command ? $"{key} '{command}' does not exist" : $"{key} '{command}' does not exist ({path})";
        }

        if (NativeMethods.access(CString(path), ExecuteAccess) != 0)
        {
            // The worker runs on Linux only (the unit, libc's access): the mode says which bit is missing.
            var mode = OperatingSystem.IsWindows() ? "unknown" : Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0');
            return string.Create(CultureInfo.InvariantCulture, $"{key} '{command}' is not executable by user {User} (mode {mode}): make it executable (chmod +x), or name its interpreter first and the script after it");
        }

        return null;
    }

    private static byte[] CString(string text) => System.Text.Encoding.UTF8.GetBytes(text + '\0');

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int access(byte[] path, int mode);
    }
}
