#include "geo/store/pg_util.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace geo::store {
namespace {

// "PostgreSQL: MESSAGE" from a failed result, or from the connection when
// there is no result (out of memory, connection lost).
Error server_error(PGconn* conn, const PGresult* result) {
    std::string text;
    if (result != nullptr) {
        const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
        const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL);
        if (primary != nullptr) text = primary;
        if (detail != nullptr) text += std::string(" (") + detail + ")";
    }
    if (text.empty()) text = PQerrorMessage(conn);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (PQstatus(conn) == CONNECTION_BAD)
        return error_fmt("PostgreSQL: the connection to the server was lost: {}", text);
    return error_fmt("PostgreSQL: {}", text);
}

// The libpq keywords an address sets (URI or keyword=value list).
Result<std::vector<std::pair<std::string, std::string>>> parse_address(const std::string& conninfo) {
    char* message = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &message);
    if (options == nullptr) {
        std::string why = message != nullptr ? message : "out of memory";
        PQfreemem(message);
        while (!why.empty() && why.back() == '\n') why.pop_back();
        return fail_fmt("not a PostgreSQL address: {}", why);
    }
    std::vector<std::pair<std::string, std::string>> set;
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o)
        if (o->val != nullptr && *o->val != '\0') set.emplace_back(o->keyword, o->val);
    PQconninfoFree(options);
    return set;
}

// `text` percent-encoded as a URI writes it (what a password in
// user:password@ may look like).
std::string pct_encoded(const std::string& text) {
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~')
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

}  // namespace

Result<detail::PgConn> pg_connect(const std::string& address) {
    const std::string conninfo = address.starts_with("PG:") ? address.substr(3) : address;
    auto keywords = parse_address(conninfo);
    if (!keywords) return tl::unexpected(keywords.error());
    for (const auto& [key, value] : *keywords)
        if (key == "password")
            return fail_fmt(
                "the address holds a password, which Territoire never takes on the command line, in a project or in "
                "a log; put it in ~/.pgpass (or PGPASSFILE), a service file (PGSERVICEFILE) or PGPASSWORD");
    detail::PgConn conn(PQconnectdb(conninfo.c_str()));
    if (!conn) return fail_fmt("cannot connect to the PostgreSQL server: out of memory");
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        std::string why = PQerrorMessage(conn.get());
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        return fail_fmt("cannot connect to the PostgreSQL server: {}", why);
    }
    // Server notices ("… does not exist, skipping") are not errors: keep them off stderr.
    PQsetNoticeProcessor(
        conn.get(), [](void*, const char*) {}, nullptr);
    if (PQsetClientEncoding(conn.get(), "UTF8") != 0)
        return fail_fmt("the PostgreSQL server does not accept UTF-8 as the client encoding");
    if (auto ok = pg_exec_script(conn.get(), "SET application_name = 'territoire'"); !ok)
        return tl::unexpected(ok.error());
    return conn;
}

std::string redacted_address(const std::string& address) {
    const std::string conninfo = address.starts_with("PG:") ? address.substr(3) : address;
    auto keywords = parse_address(conninfo);
    std::string shown = address;
    // An address libpq cannot parse may still hold one: cut what follows "password".
    if (!keywords) {
        if (const auto at = shown.find("password"); at != std::string::npos)
            shown = shown.substr(0, at) + "password=***";
        return shown;
    }
    for (const auto& [key, value] : *keywords) {
        if (key != "password") continue;
        for (const std::string& text : {value, pct_encoded(value)})
            for (auto at = shown.find(text); !text.empty() && at != std::string::npos; at = shown.find(text, at + 3))
                shown.replace(at, text.size(), "***");
    }
    return shown;
}

PgParams& PgParams::text(std::string value) {
    m_values.emplace_back(std::move(value));
    return *this;
}
PgParams& PgParams::number(double value) {
    m_values.emplace_back(fmt::format("{}", value));
    return *this;
}
PgParams& PgParams::integer(std::int64_t value) {
    m_values.emplace_back(std::to_string(value));
    return *this;
}
PgParams& PgParams::null() {
    m_values.emplace_back(std::nullopt);
    return *this;
}
std::vector<const char*> PgParams::pointers() const {
    std::vector<const char*> out;
    out.reserve(m_values.size());
    for (const auto& v : m_values) out.push_back(v ? v->c_str() : nullptr);
    return out;
}

Result<detail::PgResult> pg_exec(PGconn* conn, const std::string& sql, const PgParams& params) {
    const auto values = params.pointers();
    detail::PgResult result(
        PQexecParams(conn, sql.c_str(), params.size(), nullptr, values.data(), nullptr, nullptr, 0));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        return tl::unexpected(server_error(conn, result.get()));
    return result;
}

Result<void> pg_exec_script(PGconn* conn, const std::string& sql) {
    detail::PgResult result(PQexec(conn, sql.c_str()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        return tl::unexpected(server_error(conn, result.get()));
    return {};
}

Result<std::optional<std::string>> pg_value(PGconn* conn, const std::string& sql, const PgParams& params) {
    auto result = pg_exec(conn, sql, params);
    if (!result) return tl::unexpected(result.error());
    if (PQntuples(result->get()) == 0 || PQnfields(result->get()) == 0 || PQgetisnull(result->get(), 0, 0))
        return std::optional<std::string>{};
    return std::optional<std::string>(PQgetvalue(result->get(), 0, 0));
}

std::string pg_text(const PGresult* result, int row, int column) {
    return {PQgetvalue(result, row, column), static_cast<std::size_t>(PQgetlength(result, row, column))};
}
bool pg_is_null(const PGresult* result, int row, int column) {
    return PQgetisnull(result, row, column) == 1;
}
std::int64_t pg_int(const PGresult* result, int row, int column) {
    std::int64_t value = 0;
    const char* text = PQgetvalue(result, row, column);
    std::from_chars(text, text + PQgetlength(result, row, column), value);
    return value;
}
double pg_double(const PGresult* result, int row, int column) {
    // The server writes the shortest text that reads back the same double.
    return std::strtod(PQgetvalue(result, row, column), nullptr);
}

void append_copy_field(std::string& line, std::string_view value) {
    for (const char c : value) {
        switch (c) {
            case '\\':
                line += "\\\\";
                break;
            case '\t':
                line += "\\t";
                break;
            case '\n':
                line += "\\n";
                break;
            case '\r':
                line += "\\r";
                break;
            default:
                line += c;
        }
    }
}

Result<void> pg_copy_begin(PGconn* conn, const std::string& copy_sql) {
    detail::PgResult result(PQexec(conn, copy_sql.c_str()));
    if (!result || PQresultStatus(result.get()) != PGRES_COPY_IN)
        return tl::unexpected(server_error(conn, result.get()));
    return {};
}

Result<void> pg_copy_put(PGconn* conn, std::string_view piece) {
    if (PQputCopyData(conn, piece.data(), static_cast<int>(piece.size())) != 1)
        return tl::unexpected(server_error(conn, nullptr));
    return {};
}

Result<void> pg_copy_end(PGconn* conn, const char* abort_reason) {
    if (PQputCopyEnd(conn, abort_reason) != 1) return tl::unexpected(server_error(conn, nullptr));
    Result<void> outcome;
    // The COPY's own result, then the end of the command.
    while (PGresult* raw = PQgetResult(conn)) {
        detail::PgResult result(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK && outcome) outcome = tl::unexpected(server_error(conn, raw));
    }
    return outcome;
}

Result<PgTransaction> PgTransaction::begin(PGconn* conn) {
    if (auto ok = pg_exec_script(conn, "BEGIN"); !ok) return tl::unexpected(ok.error());
    return PgTransaction(conn);
}

PgTransaction::~PgTransaction() {
    if (m_open) (void)pg_exec_script(m_conn, "ROLLBACK");
}

Result<void> PgTransaction::commit() {
    m_open = false;
    return pg_exec_script(m_conn, "COMMIT");
}

}  // namespace geo::store
