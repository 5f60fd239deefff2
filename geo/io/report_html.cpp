#include "geo/io/report_html.hpp"

#include <fmt/format.h>

#include "geo/io/buffered_output.hpp"

namespace geo {
namespace {

constexpr std::string_view kStyle = R"css(
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #212121; margin: 2em auto;
       max-width: 190mm; line-height: 1.4; font-size: 10.5pt; }
.kicker { text-transform: uppercase; letter-spacing: 0.12em; color: #5e3c99; margin-top: 30mm; }
h1 { font-size: 28pt; margin: 0.2em 0 0.3em; }
.slogan { font-size: 15pt; font-style: italic; color: #5e3c99; }
h2 { font-size: 15pt; border-bottom: 2px solid #5e3c99; padding-bottom: 0.15em; margin-top: 1.6em; }
h3 { font-size: 12pt; margin-top: 1.2em; color: #3b2566; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 9pt; }
th, td { border-bottom: 1px solid #d0d0d0; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #efeaf6; }
td.num, th.num { text-align: right; white-space: nowrap; }
figure { margin: 0.8em 0; }
figcaption, .caption { font-size: 9pt; color: #555; }
svg text { font-family: "DejaVu Sans", Arial, sans-serif; }
.page-break { break-after: page; page-break-after: always; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; }
  figure, tr { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
)css";

void escape_into(std::string& out, std::string_view text) {
    for (char c : text) switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
}

std::string escaped(std::string_view text) {
    std::string out;
    escape_into(out, text);
    return out;
}

std::string rgb(const FigureColour& c) {
    return fmt::format("rgb({},{},{})", c.r, c.g, c.b);
}

std::string paint(const char* what, const std::optional<FigureColour>& c) {
    if (!c) return fmt::format(" {}=\"none\"", what);
    std::string out = fmt::format(" {}=\"{}\"", what, rgb(*c));
    if (c->alpha < 1.0) out += fmt::format(" {}-opacity=\"{:.2f}\"", what, c->alpha);
    return out;
}

std::string path_data(const FigurePath& p) {
    std::string d;
    for (const auto& ring : p.rings) {
        for (std::size_t i = 0; i < ring.size(); ++i)
            d += fmt::format("{}{:.2f} {:.2f}", i == 0 ? "M" : " L", ring[i].x_mm, ring[i].y_mm);
        if (p.closed) d += " Z ";
    }
    return d;
}

void table_html(std::string& out, const ReportTable& t) {
    const auto cls = [&](std::size_t col) {
        return col < t.numeric.size() && t.numeric[col] ? std::string(" class=\"num\"") : std::string();
    };
    out += "<table>\n<thead><tr>";
    for (std::size_t c = 0; c < t.header.size(); ++c) out += fmt::format("<th{}>{}</th>", cls(c), escaped(t.header[c]));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c) out += fmt::format("<td{}>{}</td>", cls(c), escaped(row[c]));
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

}  // namespace

std::string figure_svg(const ReportFigure& f, int id) {
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0:.2f} {1:.2f}\" width=\"{0:.2f}mm\" "
        "height=\"{1:.2f}mm\" role=\"img\" aria-label=\"{2}\">\n<title>{2}</title>\n"
        "<defs><clipPath id=\"frame{3}\"><rect x=\"0\" y=\"0\" width=\"{0:.2f}\" "
        "height=\"{1:.2f}\"/></clipPath></defs>\n"
        "<g clip-path=\"url(#frame{3})\">\n",
        f.width_mm, f.height_mm, escaped(f.description), id);
    if (f.background)
        out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{:.2f}\" height=\"{:.2f}\"{}/>\n", f.width_mm, f.height_mm,
                           paint("fill", f.background));
    for (const FigurePath& p : f.paths) {
        out += fmt::format("<path d=\"{}\"{}{} stroke-width=\"{:.2f}\" stroke-linejoin=\"round\"", path_data(p),
                           paint("fill", p.closed ? p.fill : std::nullopt), paint("stroke", p.stroke), p.stroke_mm);
        if (p.closed && p.fill) out += " fill-rule=\"evenodd\"";
        if (p.dashed) out += " stroke-dasharray=\"1.6 1.0\"";
        out += "/>\n";
    }
    for (const FigureDisc& d : f.discs)
        out += fmt::format("<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"{:.2f}\"{}/>\n", d.centre.x_mm, d.centre.y_mm,
                           d.radius_mm, paint("fill", d.fill));
    for (const FigureText& t : f.texts) {
        const char* anchor = t.anchor == TextAnchor::middle ? "middle" : t.anchor == TextAnchor::end ? "end" : "start";
        out += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"{:.2f}\" text-anchor=\"{}\"{}{}>{}</text>\n",
                           t.at.x_mm, t.at.y_mm, t.size_mm, anchor, paint("fill", t.colour),
                           t.bold ? " font-weight=\"bold\"" : "", escaped(t.text));
    }
    out += "</g>\n</svg>\n";
    return out;
}

std::string report_html(const ReportDocument& doc) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{0}\" xml:lang=\"{0}\">\n<head>\n"
        "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        "<title>{1}</title>\n<style>{2}</style>\n</head>\n<body>\n",
        doc.language == ReportLanguage::fr ? "fr" : "en", escaped(doc.title), kStyle);
    int figures = 0;
    bool open_section = false;
    const auto open = [&] {
        if (!open_section) out += "<section>\n";
        open_section = true;
    };
    for (const ReportBlock& b : doc.blocks) {
        if (b.kind != ReportBlockKind::page_break) open();
        switch (b.kind) {
            case ReportBlockKind::kicker:
                out += fmt::format("<p class=\"kicker\">{}</p>\n", escaped(b.text));
                break;
            case ReportBlockKind::title:
                out += fmt::format("<h1>{}</h1>\n", escaped(b.text));
                break;
            case ReportBlockKind::slogan:
                out += fmt::format("<p class=\"slogan\">{}</p>\n", escaped(b.text));
                break;
            case ReportBlockKind::heading:
                out += fmt::format("<h2>{}</h2>\n", escaped(b.text));
                break;
            case ReportBlockKind::subheading:
                out += fmt::format("<h3>{}</h3>\n", escaped(b.text));
                break;
            case ReportBlockKind::paragraph:
                out += fmt::format("<p>{}</p>\n", escaped(b.text));
                break;
            case ReportBlockKind::caption:
                out += fmt::format("<p class=\"caption\">{}</p>\n", escaped(b.text));
                break;
            case ReportBlockKind::bullets:
                out += "<ul>\n";
                for (const std::string& item : b.items) out += fmt::format("<li>{}</li>\n", escaped(item));
                out += "</ul>\n";
                break;
            case ReportBlockKind::table:
                table_html(out, b.table);
                break;
            case ReportBlockKind::figure:
                out += "<figure>\n" + figure_svg(b.figure, ++figures) +
                       fmt::format("<figcaption>{}</figcaption>\n</figure>\n", escaped(b.figure.description));
                break;
            case ReportBlockKind::page_break:
                if (open_section) out += "</section>\n<div class=\"page-break\"></div>\n";
                open_section = false;
                break;
        }
    }
    if (open_section) out += "</section>\n";
    out += fmt::format("<footer><p class=\"caption\">{}</p></footer>\n</body>\n</html>\n", escaped(doc.footer));
    return out;
}

Result<void> write_report_html(const ReportDocument& doc, const std::string& path) {
    auto file = BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    file->buffer() = report_html(doc);
    return file->commit();
}

}  // namespace geo
