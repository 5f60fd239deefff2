#include "geo/store/sqlite_util.hpp"

namespace geo::store {

Result<detail::SqliteStmt> prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        return fail("SQL error: " + std::string(sqlite3_errmsg(db)) + " in \"" + std::string(sql.substr(0, 120)) +
                    "\"");
    }
    return detail::SqliteStmt(raw);
}

Result<void> exec(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message != nullptr ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        return fail("SQL error: " + text);
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

Result<void> step_done(sqlite3* db, sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return fail("SQL error: " + std::string(sqlite3_errmsg(db)));
    return {};
}

Result<std::int64_t> query_int(sqlite3* db, const std::string& sql) {
    auto st = prepare(db, sql);
    if (!st) return tl::unexpected(st.error());
    const int rc = sqlite3_step(st->get());
    if (rc == SQLITE_ROW) return sqlite3_column_int64(st->get(), 0);
    if (rc == SQLITE_DONE) return fail("SQL query returned no row: " + sql);
    return fail("SQL error: " + std::string(sqlite3_errmsg(db)));
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
