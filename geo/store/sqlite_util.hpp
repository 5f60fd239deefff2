#pragma once
// Small helpers over the SQLite C API for geo/store: prepared statements,
// binding, one-shot execution and a transaction guard that rolls back unless
// committed. Every failure becomes an Error carrying sqlite3_errmsg() (and,
// when a write failed, the likely reason: no space left, a file size limit).
// Not thread-safe beyond SQLite's own guarantees: use from the owning thread.
#include <cstdint>
#include <string>
#include <string_view>

#include "geo/core/error.hpp"
#include "geo/detail/handles.hpp"

namespace geo::store {

Result<detail::SqliteStmt> prepare(sqlite3* db, std::string_view sql);
Result<void> exec(sqlite3* db, const std::string& sql);

// Binding by 1-based index. Text is copied (SQLITE_TRANSIENT). Distinct
// names, not overloads: an unqualified bind() with a std::string argument
// would find std::bind by argument-dependent lookup.
void bind_text(sqlite3_stmt* st, int index, std::string_view text);
void bind_int(sqlite3_stmt* st, int index, std::int64_t value);
void bind_double(sqlite3_stmt* st, int index, double value);
void bind_blob(sqlite3_stmt* st, int index, const void* data, int size_bytes);
void bind_null(sqlite3_stmt* st, int index);

std::string column_text(sqlite3_stmt* st, int column);

// Steps a statement expecting SQLITE_DONE (or SQLITE_ROW); resets it after.
Result<void> step_done(sqlite3* db, sqlite3_stmt* st);
// As step_done, but a UNIQUE constraint failure is no error: false then
// (an insert whose key is already there), true when the statement ran.
Result<bool> step_done_unless_duplicate(sqlite3* db, sqlite3_stmt* st);

// Runs a single-value query, e.g. "SELECT count(*) FROM t".
Result<std::int64_t> query_int(sqlite3* db, const std::string& sql);

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit().
class Transaction {
public:
    static Result<Transaction> begin(sqlite3* db);
    Transaction(Transaction&& o) noexcept : m_db(o.m_db), m_open(o.m_open) { o.m_open = false; }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Result<void> commit();
    // Rolls back now (before the connection closes); the destructor then does nothing.
    void rollback();

private:
    explicit Transaction(sqlite3* db) : m_db(db), m_open(true) {}
    sqlite3* m_db;
    bool m_open;
};

}  // namespace geo::store
