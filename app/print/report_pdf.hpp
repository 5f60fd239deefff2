#pragma once
// The destination report (geo/io/report_document.hpp) as an A4 portrait PDF
// drawn with cairo: text is real text (DejaVu Sans, searchable with
// pdftotext), maps and charts are vector paths, tables wrap their cells and
// repeat their header on a new page, headings never end a page, and every
// page has the document's footer and its number.
// Threads: any thread (its own cairo surface; reads only its arguments).
// Failure: cairo errors and file errors, naming the file; a failed write
// leaves a previous file as it was (geo::BufferedOutput).
#include <string>

#include "geo/core/error.hpp"
#include "geo/io/report_document.hpp"

namespace app::print {

// Returns the number of pages written.
geo::Result<int> write_report_pdf(const geo::ReportDocument& doc, const std::string& path);

}  // namespace app::print
