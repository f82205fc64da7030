using System.Globalization;
using AngleSharp.Dom;

namespace ProxyThreat.Pipeline.Report.Internal;

/// <summary>
/// Builds the page as a DOM. Values enter only as text nodes and attribute values; the HTML5 serializer escapes
/// both, so no value can become markup, whatever it holds.
/// </summary>
internal static class Dom
{
    public static IElement Add(this IElement parent, string tag, string? cssClass = null)
    {
        var element = parent.Owner!.CreateElement(tag);
        return Append(parent, element, cssClass);
    }

    public static IElement AddText(this IElement parent, string tag, string text, string? cssClass = null)
    {
        var element = parent.Add(tag, cssClass);
        element.TextContent = text;
        return element;
    }

    public static IElement AddSvg(this IElement parent, string tag, string? cssClass = null)
    {
        var element = parent.Owner!.CreateElement(NamespaceNames.SvgUri, tag);
        return Append(parent, element, cssClass);
    }

    public static IElement AddSvgText(this IElement parent, double x, double y, string text, string? cssClass = null)
    {
        var element = parent.AddSvg("text", cssClass).Set("x", x).Set("y", y);
        element.TextContent = text;
        return element;
    }

    /// <summary>The tooltip a browser shows when the pointer rests on an SVG shape.</summary>
    public static IElement Tooltip(this IElement shape, string text)
    {
        shape.AddSvg("title").TextContent = text;
        return shape;
    }

    public static IElement Set(this IElement element, string name, string value)
    {
        element.SetAttribute(name, value);
        return element;
    }

    public static IElement Set(this IElement element, string name, double value) =>
        element.Set(name, Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture));

    private static IElement Append(IElement parent, IElement element, string? cssClass)
    {
        if (cssClass is not null)
        {
            element.SetAttribute("class", cssClass);
        }

        parent.AppendChild(element);
        return element;
    }
}
