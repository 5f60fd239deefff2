#include "tests/support/postgis_server.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "geo/store/pg_util.hpp"

namespace test {
namespace {

std::string database_name(const std::string& suffix) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string full = info != nullptr ? std::string(info->test_suite_name()) + "." + info->name() : "test";
    full += suffix;
    std::uint64_t hash = 1469598103934665603ULL;
    for (const unsigned char c : full) hash = (hash ^ c) * 1099511628211ULL;
    return "t_" + std::to_string(hash % 1000000000ULL) + "_" + std::to_string(::getpid());
}

}  // namespace

bool postgis_configured() {
    const char* host = std::getenv("PGHOST");
    return host != nullptr && *host != '\0';
}

std::string admin_sql(const std::string& database, const std::string& sql) {
    auto conn = geo::store::pg_connect("postgresql:///" + database);
    if (!conn) return "ERROR: " + conn.error().message;
    auto value = geo::store::pg_value(conn->get(), sql);
    if (!value) return "ERROR: " + value.error().message;
    return value->value_or("");
}

std::string fresh_postgis_database(const std::string& suffix) {
    const std::string name = database_name(suffix);
    for (const std::string& sql : {"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name}) {
        const std::string out = admin_sql("postgres", sql);
        EXPECT_FALSE(out.starts_with("ERROR: ")) << sql << ": " << out;
        if (out.starts_with("ERROR: ")) return "";
    }
    return "postgresql:///" + name;
}

}  // namespace test
