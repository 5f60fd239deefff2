#pragma once
// Small helpers over libpq for the PostGIS catalogue: connecting from an
// address without ever holding a password, running statements with text
// parameters, a transaction guard, and COPY … FROM STDIN.
// Threads: one PGconn per thread (libpq connections are not shared).
// Failures: Result; a server error reads "PostgreSQL: <primary message>"
//   (with the detail when the server gives one); a lost connection says so.
//   No message holds a password: addresses holding one are refused before
//   connecting. Nothing is thrown.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/detail/handles.hpp"

namespace geo::store {

// Connects to `address` (postgresql://…, postgres://… or PG:<keywords>).
// Refuses an address that holds a password ("password=…", or user:password@
// in a URI): credentials come from PGPASSWORD, PGPASSFILE / ~/.pgpass or the
// service file only. The session runs in UTF-8 with application_name
// "territoire".
Result<detail::PgConn> pg_connect(const std::string& address);

// `address` as messages may show it: a password it holds (which pg_connect
// refuses) replaced by "***", wherever its text appears.
std::string redacted_address(const std::string& address);

// Text parameters of a statement ($1, $2, …); nullopt is SQL NULL.
class PgParams {
public:
    PgParams& text(std::string value);
    PgParams& number(double value);  // shortest text that reads back the same double
    PgParams& integer(std::int64_t value);
    PgParams& null();
    [[nodiscard]] int size() const { return static_cast<int>(m_values.size()); }
    [[nodiscard]] std::vector<const char*> pointers() const;

private:
    std::vector<std::optional<std::string>> m_values;
};

// Runs one statement; fails unless the server answers with rows or "OK".
Result<detail::PgResult> pg_exec(PGconn* conn, const std::string& sql, const PgParams& params = {});
// Runs statements without parameters (several, separated by ';').
Result<void> pg_exec_script(PGconn* conn, const std::string& sql);
// The first column of the first row, or nullopt when NULL / no row.
Result<std::optional<std::string>> pg_value(PGconn* conn, const std::string& sql, const PgParams& params = {});

// Field (row, column) of a result as text ("" when NULL).
std::string pg_text(const PGresult* result, int row, int column);
bool pg_is_null(const PGresult* result, int row, int column);
std::int64_t pg_int(const PGresult* result, int row, int column);
double pg_double(const PGresult* result, int row, int column);

// COPY text format: a field with \, tab, newline and carriage return escaped.
void append_copy_field(std::string& line, std::string_view value);

// COPY … FROM STDIN: begin, send pieces of COPY text, end (or abort with
// a reason, after which the transaction has failed).
Result<void> pg_copy_begin(PGconn* conn, const std::string& copy_sql);
Result<void> pg_copy_put(PGconn* conn, std::string_view piece);
Result<void> pg_copy_end(PGconn* conn, const char* abort_reason = nullptr);

// BEGIN on construction, ROLLBACK on destruction unless commit().
class PgTransaction {
public:
    static Result<PgTransaction> begin(PGconn* conn);
    PgTransaction(PgTransaction&& o) noexcept : m_conn(o.m_conn), m_open(o.m_open) { o.m_open = false; }
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    PgTransaction& operator=(PgTransaction&&) = delete;
    ~PgTransaction();
    Result<void> commit();

private:
    explicit PgTransaction(PGconn* conn) : m_conn(conn), m_open(true) {}
    PGconn* m_conn;
    bool m_open;
};

}  // namespace geo::store
