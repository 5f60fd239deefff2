#pragma once
// The destination report as one self-contained HTML file: inline SVG maps
// and charts (report_figures.hpp), an embedded style sheet with print rules
// (A4 pages, a page break where the document has one, no figure or table row
// cut across pages), nothing fetched from anywhere — no script, no external
// style sheet, font or image. The markup is well-formed XML as well as HTML5
// (polyglot), so an XML parser reads it.
// report_html: pure, thread-safe. write_report_html: writes through
// BufferedOutput (a failed write leaves a previous file as it was); failure:
// the file error, naming the file.
#include <string>

#include "geo/core/error.hpp"
#include "geo/io/report_document.hpp"

namespace geo {

std::string report_html(const ReportDocument& doc);
// The SVG element of one figure (also used by report_html).
std::string figure_svg(const ReportFigure& figure, int id);
Result<void> write_report_html(const ReportDocument& doc, const std::string& path);

}  // namespace geo
