#include "geo/store/sqlite_util.hpp"

#include <sys/resource.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace geo::store {
namespace {

// Why a write may have failed, as far as we can tell: SQLite reports a full
// disk or a file size limit (EFBIG) as a bare "disk I/O error", and its
// system errno is often lost by then.
std::string write_failure_reason(sqlite3* db) {
    const int code = sqlite3_extended_errcode(db);
    if ((code & 0xFF) != SQLITE_FULL && code != SQLITE_IOERR_WRITE && code != SQLITE_IOERR_FSYNC &&
        code != SQLITE_IOERR_TRUNCATE)
        return {};
    if (const int system = sqlite3_system_errno(db); system == ENOSPC || system == EFBIG)
        return std::string(" (") + std::strerror(system) + ")";
    const char* file = sqlite3_db_filename(db, "main");
    const std::string folder = file != nullptr && *file ? std::filesystem::path(file).parent_path().string() : "";
    struct statvfs fs {};
    if (::statvfs(folder.empty() ? "." : folder.c_str(), &fs) == 0 &&
        static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < (1ULL << 20))
        return " (no space left on the disk)";
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        return " (File too large: the file size limit of " + std::to_string(limit.rlim_cur) +
               " bytes was reached, ulimit -f)";
    return " (a write failed: the disk may be full or failing)";
}

// "SQL error: MESSAGE", with the reason when a write failed.
Error sql_error(sqlite3* db, const std::string& message) {
    return error_fmt("SQL error: {}{}", message, write_failure_reason(db));
}

}  // namespace

Result<detail::SqliteStmt> prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        return fail_fmt("SQL error: {} in \"{}\"", sqlite3_errmsg(db), sql.substr(0, 120));
    }
    return detail::SqliteStmt(raw);
}

Result<void> exec(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message != nullptr ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        return tl::unexpected(sql_error(db, text));
    }
    return {};
}

void bind_text(sqlite3_stmt* st, int index, std::string_view text) {
    sqlite3_bind_text(st, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void bind_int(sqlite3_stmt* st, int index, std::int64_t value) {
    sqlite3_bind_int64(st, index, value);
}
void bind_double(sqlite3_stmt* st, int index, double value) {
    sqlite3_bind_double(st, index, value);
}
void bind_blob(sqlite3_stmt* st, int index, const void* data, int size_bytes) {
    sqlite3_bind_blob(st, index, data, size_bytes, SQLITE_TRANSIENT);
}
void bind_null(sqlite3_stmt* st, int index) {
    sqlite3_bind_null(st, index);
}

std::string column_text(sqlite3_stmt* st, int column) {
    const auto* text = sqlite3_column_text(st, column);
    if (text == nullptr) return {};
    return {reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(st, column))};
}

namespace {

// Steps `st` and resets it; false when `duplicate_ok` and the step broke a
// UNIQUE constraint. The error is read before the reset, which may clear
// the system errno.
Result<bool> step_and_reset(sqlite3* db, sqlite3_stmt* st, bool duplicate_ok) {
    const int rc = sqlite3_step(st);
    const bool duplicate =
        duplicate_ok && rc == SQLITE_CONSTRAINT && sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE;
    const Result<bool> result = rc == SQLITE_DONE || rc == SQLITE_ROW ? Result<bool>(true)
                                : duplicate                           ? Result<bool>(false)
                                            : Result<bool>(tl::unexpected(sql_error(db, sqlite3_errmsg(db))));
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return result;
}

}  // namespace

Result<void> step_done(sqlite3* db, sqlite3_stmt* st) {
    auto ran = step_and_reset(db, st, false);
    if (!ran) return tl::unexpected(ran.error());
    return {};
}

Result<bool> step_done_unless_duplicate(sqlite3* db, sqlite3_stmt* st) {
    return step_and_reset(db, st, true);
}

Result<std::int64_t> query_int(sqlite3* db, const std::string& sql) {
    auto st = prepare(db, sql);
    if (!st) return tl::unexpected(st.error());
    const int rc = sqlite3_step(st->get());
    if (rc == SQLITE_ROW) return sqlite3_column_int64(st->get(), 0);
    if (rc == SQLITE_DONE) return fail_fmt("SQL query returned no row: {}", sql);
    return tl::unexpected(sql_error(db, sqlite3_errmsg(db)));
}

Result<Transaction> Transaction::begin(sqlite3* db) {
    if (auto ok = exec(db, "BEGIN IMMEDIATE"); !ok) return tl::unexpected(ok.error());
    return Transaction(db);
}

Transaction::~Transaction() {
    rollback();
}

void Transaction::rollback() {
    if (m_open) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    m_open = false;
}

Result<void> Transaction::commit() {
    auto ok = exec(m_db, "COMMIT");
    if (ok) m_open = false;
    return ok;
}

}  // namespace geo::store
