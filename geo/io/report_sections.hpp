#pragma once
// Inside the report document builder (report_document.hpp): the block list
// being written with its language helpers, and the per-target and actors
// sections (report_sections.cpp). Not for other callers.
// Pure: thread-safe; cannot fail.
#include <string>
#include <string_view>
#include <vector>

#include "geo/io/report_document.hpp"

namespace geo::report_detail {

// [0] cover kicker, [1] ranked targets, [2] actors, [3] sources, [4..7] the
// parts of a target: perimeter, key figures and partners, strengths and
// weaknesses, top offer gaps.
std::vector<std::string> section_titles(ReportLanguage lang);

struct Doc {
    Doc(ReportLanguage l, const Taxonomy* tax) : lang(l), taxonomy(tax), titles(section_titles(l)) { doc.language = l; }
    ReportLanguage lang;
    const Taxonomy* taxonomy;
    std::vector<std::string> titles;
    ReportDocument doc;

    [[nodiscard]] std::string t(std::string_view fr, std::string_view en) const {
        return std::string(lang == ReportLanguage::fr ? fr : en);
    }
    [[nodiscard]] std::string num(double v, int decimals) const { return report_number(v, decimals, lang); }
    [[nodiscard]] std::string percent(double share) const {
        return num(100.0 * share, 0) + (lang == ReportLanguage::fr ? " %" : "%");
    }
    [[nodiscard]] std::string audience_name(const Audience& a) const {
        return lang == ReportLanguage::fr ? a.name_fr : a.name_en;
    }
    [[nodiscard]] std::string family(Family f) const {
        return std::string(lang == ReportLanguage::fr ? family_name_fr(f) : family_name_en(f));
    }
    [[nodiscard]] std::string label(const std::string& id) const;

    void add(ReportBlockKind kind, std::string text = {}) {
        ReportBlock b;
        b.kind = kind;
        b.text = std::move(text);
        doc.blocks.push_back(std::move(b));
    }
    void bullets(std::vector<std::string> items) {
        if (items.empty()) return;
        ReportBlock b;
        b.kind = ReportBlockKind::bullets;
        b.items = std::move(items);
        doc.blocks.push_back(std::move(b));
    }
    void table(ReportTable t) {
        ReportBlock b;
        b.kind = ReportBlockKind::table;
        b.table = std::move(t);
        doc.blocks.push_back(std::move(b));
    }
    void figure(ReportFigure f) {
        ReportBlock b;
        b.kind = ReportBlockKind::figure;
        b.figure = std::move(f);
        doc.blocks.push_back(std::move(b));
    }
};

void target_section(Doc& d, const DestinationReport& report, std::size_t index);
void actors_section(Doc& d, const DestinationReport& report);

}  // namespace geo::report_detail
