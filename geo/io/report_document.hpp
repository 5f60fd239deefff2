#pragma once
// The destination report as a document: an ordered list of blocks (titles,
// paragraphs, lists, tables, figures, page breaks) in French or English,
// built once from a DestinationReport, so that the HTML and the PDF writers
// lay out the same words and figures.
//
// Sections, in order (titles: report_section_titles):
//   cover        "Contrat de destination": destination, slogan, promise,
//                our territory and the competitors, the targets, the date
//   1            ranked targets: the segments table, a bar chart, the reasons
//   2.n          per target: perimeter map; key figures and partners;
//                strengths and weaknesses against the competitors (radar,
//                statements, family table); top offer gaps (map and table)
//   3            actors to federate, per target: territories crossed,
//                producers of the records, labelled operators
//   4            sources, licences and parameters
// Numbers: report_number (the language's decimal mark and grouping).
// Pure: thread-safe; cannot fail (missing figures read "—"). `taxonomy` may
// be null (label ids are then shown as they are).
#include <string>
#include <vector>

#include "geo/analysis/destination_report.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/io/report_figures.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {

enum class ReportBlockKind : std::uint8_t {
    kicker,      // small line above the cover title
    title,       // the cover title (the destination)
    slogan,      // the cover's slogan, emphasised
    heading,     // a section ("1. Cibles classées")
    subheading,  // a part of a section
    paragraph,
    bullets,  // `items`
    table,
    figure,
    caption,  // under a figure
    page_break,
};

struct ReportTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> numeric;  // per column: right-aligned
};

struct ReportBlock {
    ReportBlockKind kind = ReportBlockKind::paragraph;
    std::string text;
    std::vector<std::string> items;
    ReportTable table;
    ReportFigure figure;
};

struct ReportDocument {
    ReportLanguage language = ReportLanguage::fr;
    std::string title;   // "Contrat de destination — Val de Loire"
    std::string footer;  // destination · date, on every PDF page
    std::vector<ReportBlock> blocks;
};

// The fixed section titles of the language (cover kicker, then sections 1,
// 3 and 4, then the four parts of every target), for tests and the table
// of contents.
std::vector<std::string> report_section_titles(ReportLanguage lang);

ReportDocument build_report_document(const DestinationReport& report, const std::vector<SourceInfo>& all_sources,
                                     const Taxonomy* taxonomy, ReportLanguage lang);

// "fr" → fr, "en" → en; anything else: nullopt.
std::optional<ReportLanguage> report_language_from_text(std::string_view text);

}  // namespace geo
