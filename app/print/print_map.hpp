#pragma once
// The map as a printed page (`territoire render --pdf`, `--paper`, File ›
// Export map): the render scene (items, territories, perimeter levels, gaps,
// context layers) laid out by geo::layout_print with a title, a subtitle
// (audience, level, date), the full legend, a scale bar, a north arrow and
// the attribution and sources, drawn with cairo into a PDF (vector: items
// are circles, areas and lines paths, text is text) or a PNG at the page's
// resolution. write_print_map runs on any thread (File › Export map runs it
// on a worker): it reads only its arguments and the interface language, has
// its own cairo surface, and writes the output through geo::BufferedOutput
// (a failed write leaves a previous file as it was).
// Failure: page or layout errors, cairo or file errors, naming the file.
#include <optional>
#include <string>

#include "app/gui/render_scene.hpp"
#include "geo/analysis/print_layout.hpp"
#include "geo/core/coords.hpp"
#include "geo/core/error.hpp"

namespace app::print {

enum class PrintFormat { pdf, png };

struct PrintOptions {
    geo::PageRequest page;
    std::string title;                   // empty: "Tourism offer map" (in the interface language)
    std::string subtitle;                // empty: audience · level · date
    std::optional<geo::LonLatBox> bbox;  // empty: the data
    PrintFormat format = PrintFormat::pdf;
    std::string output;
};

// The legend, title, subtitle and attribution of a scene (pure). `date` is
// the day shown in the subtitle ("2026-12-03").
geo::PrintContent print_content(const gui::RenderScene& scene, const PrintOptions& options, const std::string& date);

// Lays out and writes the page; returns the layout drawn.
geo::Result<geo::PrintLayout> write_print_map(const gui::RenderScene& scene, const PrintOptions& options);

// "PDF" from "-o map.pdf" or the flag, else PNG.
PrintFormat format_for(const std::string& output, bool pdf_flag);

}  // namespace app::print
