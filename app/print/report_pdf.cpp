#include "app/print/report_pdf.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "app/print/cairo_handles.hpp"
#include "geo/analysis/print_layout.hpp"
#include "geo/io/buffered_output.hpp"

namespace app::print {
namespace {

constexpr double kPageWidthMm = 210.0, kPageHeightMm = 297.0;
constexpr double kLeftMm = 18.0, kTopMm = 18.0, kBottomMm = 279.0;
constexpr double kWidthMm = kPageWidthMm - 2.0 * kLeftMm;
constexpr double kBodyMm = 3.5, kTableMm = 2.8, kCaptionMm = 3.0;
constexpr const char* kFont = "DejaVu Sans";
constexpr geo::FigureColour kInk{33, 33, 33}, kGrey{95, 95, 95}, kAccent{94, 60, 153};

void set_colour(cairo_t* cr, const geo::FigureColour& c) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.alpha);
}

void set_font(cairo_t* cr, double size_mm, bool bold, bool italic = false) {
    cairo_select_font_face(cr, kFont, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size_mm);
}

double width_mm(cairo_t* cr, const std::string& text) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    return e.x_advance;
}

void show(cairo_t* cr, double x, double y, const std::string& text) {
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text.c_str());
    cairo_new_path(cr);
}

// Words of `text` into lines at most `max_mm` wide with the current font
// (geo::wrap_text; a word wider than that gets a line of its own); one empty
// line for an empty text, so that a table cell keeps its row.
std::vector<std::string> wrap(cairo_t* cr, const std::string& text, double max_mm) {
    auto lines = geo::wrap_text(text, 0.0, max_mm,
                                [cr](std::string_view t, double, bool) { return width_mm(cr, std::string(t)); });
    if (lines.empty()) lines.emplace_back();
    return lines;
}

void draw_figure(cairo_t* cr, const geo::ReportFigure& f, double x, double y, double scale) {
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    cairo_rectangle(cr, 0, 0, f.width_mm, f.height_mm);
    cairo_clip(cr);
    if (f.background) {
        set_colour(cr, *f.background);
        cairo_paint(cr);
    }
    const double dash[] = {1.6, 1.0};
    for (const geo::FigurePath& p : f.paths) {
        cairo_new_path(cr);
        for (const auto& ring : p.rings) {
            for (std::size_t i = 0; i < ring.size(); ++i)
                (i == 0 ? cairo_move_to : cairo_line_to)(cr, ring[i].x_mm, ring[i].y_mm);
            if (p.closed) cairo_close_path(cr);
        }
        if (p.closed && p.fill) {
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
            set_colour(cr, *p.fill);
            cairo_fill_preserve(cr);
        }
        if (p.stroke) {
            set_colour(cr, *p.stroke);
            cairo_set_line_width(cr, p.stroke_mm);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            cairo_set_dash(cr, dash, p.dashed ? 2 : 0, 0.0);
            cairo_stroke(cr);
        }
        cairo_new_path(cr);
    }
    cairo_set_dash(cr, dash, 0, 0.0);
    for (const geo::FigureDisc& d : f.discs) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, d.centre.x_mm, d.centre.y_mm, d.radius_mm, 0.0, 2.0 * M_PI);
        set_colour(cr, d.fill);
        cairo_fill(cr);
    }
    for (const geo::FigureText& t : f.texts) {
        set_font(cr, t.size_mm, t.bold);
        const double w = width_mm(cr, t.text);
        const double dx = t.anchor == geo::TextAnchor::middle ? w / 2.0 : t.anchor == geo::TextAnchor::end ? w : 0.0;
        set_colour(cr, t.colour);
        show(cr, t.at.x_mm - dx, t.at.y_mm, t.text);
    }
    cairo_restore(cr);
}

// Lays the blocks out page after page.
class Writer {
public:
    Writer(cairo_t* cr, const geo::ReportDocument& doc) : m_cr(cr), m_doc(doc) {}

    void run() {
        for (std::size_t i = 0; i < m_doc.blocks.size(); ++i) {
            m_next = i + 1 < m_doc.blocks.size() ? &m_doc.blocks[i + 1] : nullptr;
            block(m_doc.blocks[i]);
        }
        finish_page();
    }
    [[nodiscard]] int pages() const { return m_page; }

private:
    void finish_page() {
        if (!m_dirty) return;
        set_font(m_cr, 2.6, false);
        set_colour(m_cr, kGrey);
        show(m_cr, kLeftMm, kPageHeightMm - 10.0, m_doc.footer);
        const std::string number = std::to_string(m_page + 1);
        show(m_cr, kLeftMm + kWidthMm - width_mm(m_cr, number), kPageHeightMm - 10.0, number);
        cairo_show_page(m_cr);
        ++m_page;
        m_dirty = false;
        m_y = kTopMm;
    }
    // A heading keeps the start of what follows on its page: a figure whole,
    // else a few lines.
    [[nodiscard]] double keep_with_next_mm(double heading_mm) const {
        if (m_next != nullptr && m_next->kind == geo::ReportBlockKind::figure)
            return heading_mm + m_next->figure.height_mm * std::min(1.0, kWidthMm / m_next->figure.width_mm) + 4.0;
        return heading_mm + 14.0;
    }
    void ensure(double height_mm) {
        if (m_y + height_mm > kBottomMm) finish_page();
        m_dirty = true;
    }
    void lines(const std::string& text, double size_mm, bool bold, const geo::FigureColour& colour,
               double indent_mm = 0, bool italic = false, const std::string& bullet = {}) {
        set_font(m_cr, size_mm, bold, italic);
        const double lh = size_mm * 1.45;
        const auto wrapped = wrap(m_cr, text, kWidthMm - indent_mm);
        for (std::size_t i = 0; i < wrapped.size(); ++i) {
            ensure(lh);
            set_font(m_cr, size_mm, bold, italic);
            set_colour(m_cr, colour);
            m_y += lh;
            if (i == 0 && !bullet.empty()) show(m_cr, kLeftMm + indent_mm - 3.5, m_y - lh * 0.3, bullet);
            show(m_cr, kLeftMm + indent_mm, m_y - lh * 0.3, wrapped[i]);
        }
    }
    void block(const geo::ReportBlock& b) {
        using K = geo::ReportBlockKind;
        switch (b.kind) {
            case K::kicker:
                m_y += 45.0;
                lines(b.text, 4.5, true, kAccent);
                break;
            case K::title:
                m_y += 3.0;
                lines(b.text, 11.0, true, kInk);
                m_y += 4.0;
                break;
            case K::slogan:
                lines(b.text, 6.0, false, kAccent, 0, true);
                m_y += 4.0;
                break;
            case K::heading:
                ensure(keep_with_next_mm(16.0));
                m_y += 4.0;
                lines(b.text, 5.6, true, kAccent);
                cairo_set_line_width(m_cr, 0.5);
                set_colour(m_cr, kAccent);
                cairo_move_to(m_cr, kLeftMm, m_y + 1.0);
                cairo_line_to(m_cr, kLeftMm + kWidthMm, m_y + 1.0);
                cairo_stroke(m_cr);
                m_y += 4.0;
                break;
            case K::subheading:
                ensure(keep_with_next_mm(9.0));
                m_y += 3.0;
                lines(b.text, 4.3, true, geo::FigureColour{59, 37, 102});
                m_y += 1.5;
                break;
            case K::paragraph:
                lines(b.text, kBodyMm, false, kInk);
                m_y += 2.0;
                break;
            case K::caption:
                lines(b.text, kCaptionMm, false, kGrey);
                m_y += 2.0;
                break;
            case K::bullets:
                for (const std::string& item : b.items) lines(item, kBodyMm, false, kInk, 5.0, false, "•");
                m_y += 2.0;
                break;
            case K::table:
                table(b.table);
                break;
            case K::figure:
                figure(b.figure);
                break;
            case K::page_break:
                finish_page();
                break;
        }
    }
    void figure(const geo::ReportFigure& f) {
        const double scale = std::min(1.0, kWidthMm / f.width_mm);
        const double h = f.height_mm * scale;
        ensure(h + 10.0);
        draw_figure(m_cr, f, kLeftMm + (kWidthMm - f.width_mm * scale) / 2.0, m_y + 1.0, scale);
        m_y += h + 2.0;
        lines(f.description, kCaptionMm * 0.9, false, kGrey);
        m_y += 2.0;
    }
    std::vector<double> column_widths(const geo::ReportTable& t) {
        const std::size_t n = t.header.size();
        std::vector<double> natural(n, 0.0);
        set_font(m_cr, kTableMm, false);
        for (const auto& row : t.rows)
            for (std::size_t c = 0; c < n && c < row.size(); ++c)
                natural[c] = std::max(natural[c], width_mm(m_cr, row[c]) + 2.4);
        set_font(m_cr, kTableMm, true);
        for (std::size_t c = 0; c < n; ++c) {
            std::size_t start = 0;  // the header's longest word
            while (start <= t.header[c].size()) {
                std::size_t end = t.header[c].find(' ', start);
                if (end == std::string::npos) end = t.header[c].size();
                natural[c] = std::max(natural[c], width_mm(m_cr, t.header[c].substr(start, end - start)) + 2.4);
                start = end + 1;
            }
        }
        double total = 0.0;
        for (double w : natural) total += w;
        if (total <= kWidthMm) {  // spread the room left over the text columns
            const double spare = std::min(kWidthMm - total, 30.0);
            for (std::size_t c = 0; c < n; ++c) natural[c] += spare / static_cast<double>(n);
            return natural;
        }
        std::vector<double> widths(n);
        for (std::size_t c = 0; c < n; ++c) widths[c] = natural[c] * kWidthMm / total;
        return widths;
    }
    double row(const std::vector<std::string>& cells, const std::vector<double>& widths, const geo::ReportTable& t,
               bool header) {
        set_font(m_cr, kTableMm, header);
        const double lh = kTableMm * 1.35;
        std::vector<std::vector<std::string>> wrapped;
        std::size_t most = 1;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            wrapped.push_back(wrap(m_cr, c < cells.size() ? cells[c] : std::string(), widths[c] - 2.4));
            most = std::max(most, wrapped.back().size());
        }
        const double h = lh * static_cast<double>(most) + 1.6;
        if (header) {
            cairo_rectangle(m_cr, kLeftMm, m_y, kWidthMm, h);
            set_colour(m_cr, geo::FigureColour{239, 234, 246});
            cairo_fill(m_cr);
        }
        double x = kLeftMm;
        set_colour(m_cr, kInk);
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const bool numeric = c < t.numeric.size() && t.numeric[c];
            for (std::size_t i = 0; i < wrapped[c].size(); ++i) {
                const double w = width_mm(m_cr, wrapped[c][i]);
                const double tx = numeric ? x + widths[c] - 1.2 - w : x + 1.2;
                show(m_cr, tx, m_y + 0.8 + lh * static_cast<double>(i + 1) - lh * 0.25, wrapped[c][i]);
            }
            x += widths[c];
        }
        cairo_set_line_width(m_cr, 0.15);
        set_colour(m_cr, geo::FigureColour{200, 200, 200});
        cairo_move_to(m_cr, kLeftMm, m_y + h);
        cairo_line_to(m_cr, kLeftMm + kWidthMm, m_y + h);
        cairo_stroke(m_cr);
        return h;
    }
    void table(const geo::ReportTable& t) {
        const std::vector<double> widths = column_widths(t);
        const double row_guess = kTableMm * 1.35 * 2.0 + 1.6;
        ensure(row_guess * 3.0);
        m_y += row(t.header, widths, t, true);
        for (const auto& cells : t.rows) {
            if (m_y + row_guess > kBottomMm) {
                finish_page();
                m_dirty = true;
                m_y += row(t.header, widths, t, true);
            }
            m_y += row(cells, widths, t, false);
        }
        m_y += 3.0;
    }

    cairo_t* m_cr;
    const geo::ReportDocument& m_doc;
    const geo::ReportBlock* m_next = nullptr;
    double m_y = kTopMm;
    int m_page = 0;
    bool m_dirty = false;
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

geo::Result<int> write_report_pdf(const geo::ReportDocument& doc, const std::string& path) {
    auto file = geo::BufferedOutput::create(path);
    if (!file) return tl::unexpected(file.error());
    std::string bytes;
    const double pt_per_mm = 72.0 / geo::kMmPerInch;
    CairoSurface surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &bytes, kPageWidthMm * pt_per_mm, kPageHeightMm * pt_per_mm));
    if (const cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
        return geo::fail_fmt("{}: cannot create the PDF: {}", path, cairo_status_to_string(status));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                   (std::string("Territoire ") + TERRITOIRE_VERSION).c_str());
    Cairo cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), pt_per_mm, pt_per_mm);
    Writer writer(cr.get(), doc);
    writer.run();
    if (const cairo_status_t status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS)
        return geo::fail_fmt("{}: drawing the report failed: {}", path, cairo_status_to_string(status));
    cr.reset();
    cairo_surface_finish(surface.get());
    if (const cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
        return geo::fail_fmt("{}: {}", path, cairo_status_to_string(status));
    file->buffer() = std::move(bytes);
    if (auto ok = file->commit(); !ok) return tl::unexpected(ok.error());
    return writer.pages();
}

}  // namespace app::print
