#pragma once
// One owner type per C handle. No GEOSGeom_destroy_r, proj_destroy,
// sqlite3_close, sqlite3_finalize, PQfinish or PQclear anywhere else in the code base.
// GDAL uses its shipped GDALDatasetUniquePtr / OGRFeatureUniquePtr (and
// CPLStringList for char** lists); VSILFILE* is owned by VsiFile.
// All owners are move-only. GEOS and PROJ contexts are not thread-safe: one
// per thread.
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <cpl_vsi.h>
#include <fftw3.h>
#include <geos_c.h>
#include <libpq-fe.h>
#include <proj.h>
#include <sqlite3.h>

namespace geo::detail {

// --- SQLite ---------------------------------------------------------------
struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;

struct SqliteFinalizer {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using SqliteStmt = std::unique_ptr<sqlite3_stmt, SqliteFinalizer>;

// --- libpq (PostgreSQL) -------------------------------------------------
struct PgConnCloser {
    void operator()(PGconn* conn) const { PQfinish(conn); }
};
using PgConn = std::unique_ptr<PGconn, PgConnCloser>;

struct PgResultClearer {
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultClearer>;

// --- PROJ -----------------------------------------------------------------
struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
};
using ProjContext = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;

struct ProjDeleter {
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

// --- GEOS -----------------------------------------------------------------
// A GEOS context: captures GEOS notices and errors into last_error().
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    [[nodiscard]] GEOSContextHandle_t get() const { return m_handle; }
    [[nodiscard]] const std::string& last_error() const { return *m_last_error; }

private:
    GEOSContextHandle_t m_handle;
    std::unique_ptr<std::string> m_last_error;  // stable address for the handler
};

// A GEOS geometry owned together with the context it was made in.
class GeosGeom {
public:
    GeosGeom() = default;
    GeosGeom(GEOSContextHandle_t ctx, GEOSGeometry* g) : m_ctx(ctx), m_geom(g) {}
    ~GeosGeom() { reset(); }
    GeosGeom(GeosGeom&& o) noexcept : m_ctx(o.m_ctx), m_geom(std::exchange(o.m_geom, nullptr)) {}
    GeosGeom& operator=(GeosGeom&& o) noexcept {
        if (this != &o) {
            reset();
            m_ctx = o.m_ctx;
            m_geom = std::exchange(o.m_geom, nullptr);
        }
        return *this;
    }
    GeosGeom(const GeosGeom&) = delete;
    GeosGeom& operator=(const GeosGeom&) = delete;

    [[nodiscard]] GEOSGeometry* get() const { return m_geom; }
    [[nodiscard]] explicit operator bool() const { return m_geom != nullptr; }
    // Gives up ownership (e.g. to a GEOS collection constructor).
    GEOSGeometry* release() { return std::exchange(m_geom, nullptr); }
    void reset() {
        if (m_geom != nullptr) GEOSGeom_destroy_r(m_ctx, m_geom);
        m_geom = nullptr;
    }

private:
    GEOSContextHandle_t m_ctx = nullptr;
    GEOSGeometry* m_geom = nullptr;
};

struct GeosPreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* p) const { GEOSPreparedGeom_destroy_r(ctx, p); }
};
using GeosPrepared = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

struct GeosSTRtreeDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSSTRtree* t) const { GEOSSTRtree_destroy_r(ctx, t); }
};
using GeosSTRtree = std::unique_ptr<GEOSSTRtree, GeosSTRtreeDeleter>;

// --- FFTW -------------------------------------------------------------------
// FFTW's planner (plan creation and destruction) is not thread-safe: every
// plan is made and destroyed under fftw_planner_mutex(); fftw_execute_* on an
// existing plan is thread-safe.
std::mutex& fftw_planner_mutex();
struct FftwPlanDeleter {
    void operator()(fftw_plan_s* plan) const {
        std::lock_guard lock(fftw_planner_mutex());
        fftw_destroy_plan(plan);
    }
};
using FftwPlan = std::unique_ptr<fftw_plan_s, FftwPlanDeleter>;
struct FftwFree {
    void operator()(void* p) const { fftw_free(p); }
};
// SIMD-aligned arrays from fftw_malloc, as the planner expects.
using FftwReals = std::unique_ptr<double[], FftwFree>;
using FftwComplexes = std::unique_ptr<fftw_complex[], FftwFree>;
inline FftwReals fftw_reals(std::size_t n) {
    return FftwReals(static_cast<double*>(fftw_malloc(sizeof(double) * n)));
}
inline FftwComplexes fftw_complexes(std::size_t n) {
    return FftwComplexes(static_cast<fftw_complex*>(fftw_malloc(sizeof(fftw_complex) * n)));
}

// --- GDAL virtual file system (plain files, /vsizip/, …) --------------------
struct VsiFileCloser {
    void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};
using VsiFile = std::unique_ptr<VSILFILE, VsiFileCloser>;

// A POSIX file descriptor (open(2)), closed once by its owner. Move-only.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : m_fd(fd) {}
    UniqueFd(UniqueFd&& o) noexcept : m_fd(std::exchange(o.m_fd, -1)) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept {
        if (this != &o) reset(std::exchange(o.m_fd, -1));
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }
    [[nodiscard]] int get() const { return m_fd; }
    explicit operator bool() const { return m_fd >= 0; }
    void reset(int fd = -1);

private:
    int m_fd = -1;
};

}  // namespace geo::detail
