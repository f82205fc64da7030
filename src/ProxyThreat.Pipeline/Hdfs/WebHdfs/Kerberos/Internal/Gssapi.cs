using System.Runtime.InteropServices;
using System.Text;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Kerberos.Internal;

/// <summary>
/// The few calls of MIT Kerberos's GSSAPI library the worker makes itself: the same library, and so the same
/// credentials, that .NET's Negotiate authentication uses, which tells neither whose credentials it used nor why
/// it had none.
/// </summary>
internal static class Gssapi
{
    private const string Library = "libgssapi_krb5.so.2";
    private const int Initiate = 1;
    private const int GssCode = 1;
    private const int MechanismCode = 2;

    /// <summary>KRB5_KDC_UNREACH: no KDC of the realm answered.</summary>
    public const uint KdcUnreachable = 2529639068;

    private static readonly Lazy<(IntPtr PrincipalNameType, IntPtr Krb5Mechanism)> Oids = new(() =>
    {
        var library = NativeLibrary.Load(Library);
        return (Marshal.ReadIntPtr(NativeLibrary.GetExport(library, "GSS_KRB5_NT_PRINCIPAL_NAME")),
            Marshal.ReadIntPtr(NativeLibrary.GetExport(library, "gss_mech_set_krb5")));
    });

    /// <summary>
    /// Acquires Kerberos initiator credentials as GSSAPI would for an HTTP request: from the ticket cache, or from
    /// the client keytab when the cache holds none or they are due for renewal. Returns whose they are (null when
    /// they have expired, since MIT then names no one) and how many seconds they have left.
    /// </summary>
    /// <param name="principal">The principal to acquire for; null: the default (the cache's, or the keytab's first).</param>
    /// <exception cref="GssapiException">No credentials could be acquired.</exception>
    /// <exception cref="DllNotFoundException">MIT Kerberos is not installed.</exception>
    public static (string? Principal, uint Lifetime) AcquireInitiatorCredentials(string? principal)
    {
        var name = principal is null ? IntPtr.Zero : ImportName(principal);
        try
        {
            var major = NativeMethods.gss_acquire_cred(out var minor, name, 0, Oids.Value.Krb5Mechanism, Initiate, out var credentials, IntPtr.Zero, out var lifetime);
            Check(major, minor);
            try
            {
                if (lifetime == 0)
                {
                    return (null, 0);
                }

                major = NativeMethods.gss_inquire_cred(out minor, credentials, out var owner, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
                Check(major, minor);
                try
                {
                    major = NativeMethods.gss_display_name(out minor, owner, out var text, IntPtr.Zero);
                    Check(major, minor);
                    return (Take(ref text), lifetime);
                }
                finally
                {
                    _ = NativeMethods.gss_release_name(out _, ref owner);
                }
            }
            finally
            {
                _ = NativeMethods.gss_release_cred(out _, ref credentials);
            }
        }
        finally
        {
            if (name != IntPtr.Zero)
            {
                _ = NativeMethods.gss_release_name(out _, ref name);
            }
        }
    }

    private static IntPtr ImportName(string principal)
    {
        var bytes = Encoding.UTF8.GetBytes(principal);
        var pinned = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            var buffer = new GssBuffer { Length = (nuint)bytes.Length, Value = pinned.AddrOfPinnedObject() };
            var major = NativeMethods.gss_import_name(out var minor, ref buffer, Oids.Value.PrincipalNameType, out var name);
            Check(major, minor);
            return name;
        }
        finally
        {
            pinned.Free();
        }
    }

    private static void Check(uint major, uint minor)
    {
        if (major != 0)
        {
            throw new GssapiException(Describe(major, minor), minor);
        }
    }

    /// <summary>MIT's own words for a failure: the mechanism's (the useful part) when it gave one, else GSSAPI's.</summary>
    private static string Describe(uint major, uint minor)
    {
        var mechanism = minor == 0 ? null : DisplayStatus(minor, MechanismCode);
        return string.IsNullOrWhiteSpace(mechanism) ? DisplayStatus(major, GssCode) : mechanism;
    }

    private static string DisplayStatus(uint status, int type)
    {
        var parts = new List<string>();
        uint context = 0;
        do
        {
            if (NativeMethods.gss_display_status(out _, status, type, IntPtr.Zero, ref context, out var text) != 0)
            {
                break;
            }

            parts.Add(Take(ref text));
        }
        while (context != 0);

        return string.Join("; ", parts);
    }

    private static string Take(ref GssBuffer buffer)
    {
        try
        {
            return buffer.Value == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(buffer.Value, checked((int)buffer.Length));
        }
        finally
        {
            _ = NativeMethods.gss_release_buffer(out _, ref buffer);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct GssBuffer
    {
        public nuint Length;
        public IntPtr Value;
    }

    private static class NativeMethods
    {
        [DllImport(Library)]
        public static extern uint gss_import_name(out uint minor, ref GssBuffer input, IntPtr nameType, out IntPtr name);

        [DllImport(Library)]
        public static extern uint gss_acquire_cred(out uint minor, IntPtr desiredName, uint timeRequested, IntPtr desiredMechanisms, int usage, out IntPtr credentials, IntPtr actualMechanisms, out uint lifetime);

        [DllImport(Library)]
        public static extern uint gss_inquire_cred(out uint minor, IntPtr credentials, out IntPtr name, IntPtr lifetime, IntPtr usage, IntPtr mechanisms);

        [DllImport(Library)]
        public static extern uint gss_display_name(out uint minor, IntPtr name, out GssBuffer text, IntPtr nameType);

        [DllImport(Library)]
        public static extern uint gss_display_status(out uint minor, uint status, int statusType, IntPtr mechanism, ref uint context, out GssBuffer text);

        [DllImport(Library)]
        public static extern uint gss_release_buffer(out uint minor, ref GssBuffer buffer);

        [DllImport(Library)]
        public static extern uint gss_release_name(out uint minor, ref IntPtr name);

        [DllImport(Library)]
        public static extern uint gss_release_cred(out uint minor, ref IntPtr credentials);
    }
}
