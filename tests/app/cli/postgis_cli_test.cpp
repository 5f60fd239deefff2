// The shared PostGIS catalogue through the built `territoire` binary, against
// the test server (scripts/pg-cluster.sh): a partner role with read-only
// rights reads but cannot write, its password taken from PGPASSFILE over
// 127.0.0.1; an address holding a password is refused and the password shows
// nowhere; imports of different sources run side by side and imports of one
// source take turns, with exact final counts and a clear wait message; an
// import killed with SIGKILL leaves all or nothing and the next one works.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "geo/store/pg_util.hpp"
#include "tests/support/cli_process.hpp"
#include "tests/support/postgis_server.hpp"
#include "tests/support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string feed() {
    return (test::shared_data() / "poi/datatourisme-touraine-2020").string();
}
std::string osm() {
    return (test::shared_data() / "poi/osm/tours.osm.pbf").string();
}

std::string database_of(const std::string& address) {
    return address.substr(std::string("postgresql:///").size());
}

std::int64_t count_sql(const std::string& address, const std::string& sql) {
    const std::string out = test::admin_sql(database_of(address), sql);
    EXPECT_FALSE(out.starts_with("ERROR")) << sql << ": " << out;
    return out.empty() || out.starts_with("ERROR") ? -1 : std::stoll(out);
}

std::int64_t items_of(const std::string& address, const std::string& source) {
    return count_sql(address, "SELECT count(*) FROM territoire.offer_items WHERE source = '" + source + "'");
}

// The catalogue with the DATAtourisme sample, imported by the CLI.
std::string sample_database(const fs::path& dir, const std::string& suffix) {
    const std::string address = test::fresh_postgis_database(suffix);
    const auto run = test::run_territoire(dir, {"import", "--catalogue", address, feed()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return address;
}

// `territoire ARGS` on a thread, its pid written to DIR/pid (the shell
// execs it), for runs the test watches or kills.
class Background {
public:
    Background(fs::path dir, std::vector<std::string> args) : m_dir(std::move(dir)) {
        fs::create_directories(m_dir);
        std::string line;
        for (const auto& a : args) line += " " + test::shell_quoted(a);
        m_thread = std::thread([this, line] { m_run = test::run_territoire_shell(m_dir, line, "echo $$ > pid;"); });
    }
    ~Background() {
        if (m_thread.joinable()) m_thread.join();
    }
    test::CliRun join() {
        m_thread.join();
        return m_run;
    }
    pid_t pid() const {
        std::ifstream in(m_dir / "pid");
        pid_t p = 0;
        in >> p;
        return p;
    }
    // What the run wrote to stderr so far.
    std::string err_so_far() const { return test::read_text(m_dir / "stderr.txt"); }

private:
    fs::path m_dir;
    test::CliRun m_run;
    std::thread m_thread;
};

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
        if (done()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return done();
}

// An admin session holding the item lock of `source` until release().
class HeldLock {
public:
    HeldLock(const std::string& address, const std::string& source) {
        auto conn = geo::store::pg_connect(address);
        EXPECT_TRUE(conn) << conn.error().message;
        if (!conn) return;
        m_conn = std::move(*conn);
        EXPECT_TRUE(geo::store::pg_exec_script(m_conn.get(), "BEGIN"));
        EXPECT_TRUE(geo::store::pg_exec(m_conn.get(), "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                                        geo::store::PgParams().text("territoire:items:" + source)));
    }
    void release() { EXPECT_TRUE(geo::store::pg_exec_script(m_conn.get(), "COMMIT")); }

private:
    geo::detail::PgConn m_conn;
};

}  // namespace

TEST(PostgisCli, APartnerRoleFromPgpassReadsButCannotWrite) {
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string address = sample_database(dir, "partner");
    const std::string db = database_of(address);
    const std::string role = "partner_" + std::to_string(::getpid());
    const std::string password = "Tr3s-secret-" + std::to_string(::getpid());
    for (const std::string& sql :
         {"DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
          "GRANT CONNECT ON DATABASE " + db + " TO " + role}) {
        const std::string out = test::admin_sql("postgres", sql);
        ASSERT_FALSE(out.starts_with("ERROR")) << sql << ": " << out;
    }
    for (const std::string& sql : {"GRANT USAGE ON SCHEMA territoire TO " + role,
                                   "GRANT SELECT ON ALL TABLES IN SCHEMA territoire TO " + role}) {
        const std::string out = test::admin_sql(db, sql);
        ASSERT_FALSE(out.starts_with("ERROR")) << sql << ": " << out;
    }
    const char* port = std::getenv("PGPORT");
    ASSERT_NE(port, nullptr);
    const fs::path pgpass = dir / "pgpass";
    std::ofstream(pgpass) << "127.0.0.1:" << port << ":" << db << ":" << role << ":" << password << "\n";
    ::chmod(pgpass.c_str(), 0600);
    const std::string partner = "postgresql://" + role + "@127.0.0.1:" + port + "/" + db;
    const std::string env = "PGPASSFILE=" + test::shell_quoted(pgpass.string()) + " PGHOST= PGUSER= ";

    auto info = test::run_territoire_shell(dir, "info --catalogue " + test::shell_quoted(partner), env);
    EXPECT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("Offer items: 1399"), std::string::npos) << info.out;

    const std::string perimeter =
        "perimeter --catalogue " + test::shell_quoted(partner) + " --audience patrimoine -o p.geojson";
    auto p = test::run_territoire_shell(dir, perimeter, env);
    EXPECT_EQ(p.exit_code, 0) << p.err;
    EXPECT_NE(p.out.find("level 0.80: 4905"), std::string::npos) << p.out;

    auto import = test::run_territoire_shell(
        dir, "import --catalogue " + test::shell_quoted(partner) + " " + test::shell_quoted(osm()), env);
    EXPECT_NE(import.exit_code, 0);
    EXPECT_NE(import.err.find("read-only"), std::string::npos) << import.err;
    for (const auto& run : {info, p, import}) {
        EXPECT_EQ((run.out + run.err).find(password), std::string::npos) << run.out << run.err;
    }
    EXPECT_EQ(items_of(address, "datatourisme"), 1399);
    EXPECT_EQ(items_of(address, "osm"), 0);
    EXPECT_EQ(count_sql(address, "SELECT count(*) FROM territoire.perimeters"), 0);

    // The same partner with its password in the address: refused before
    // connecting, and the password is in no message.
    const std::string with_password = "postgresql://" + role + ":" + password + "@127.0.0.1:" + port + "/" + db;
    const std::string keywords =
        "PG:host=127.0.0.1 port=" + std::string(port) + " dbname=" + db + " user=" + role + " password=" + password;
    for (const std::string& bad : {with_password, keywords}) {
        auto refused = test::run_territoire(dir, {"info", "--catalogue", bad});
        EXPECT_EQ(refused.exit_code, 1);
        EXPECT_NE(refused.err.find("holds a password"), std::string::npos) << refused.err;
        EXPECT_EQ((refused.out + refused.err).find(password), std::string::npos) << refused.out << refused.err;
    }
    test::admin_sql(db, "REASSIGN OWNED BY " + role + " TO CURRENT_USER");
    test::admin_sql(db, "DROP OWNED BY " + role);
}

TEST(PostgisCli, ImportsOfDifferentSourcesRunSideBySide) {
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string address = test::fresh_postgis_database("side");
    {
        // With datatourisme's lock held by another session, an OSM import
        // goes through: different sources do not block each other.
        HeldLock held(address, "datatourisme");
        Background a(dir / "a", {"import", "--catalogue", address, feed()});
        Background b(dir / "b", {"import", "--catalogue", address, osm()});
        const auto rb = b.join();
        EXPECT_EQ(rb.exit_code, 0) << rb.err;
        EXPECT_GT(items_of(address, "osm"), 0);
        EXPECT_EQ(items_of(address, "datatourisme"), 0) << "the DATAtourisme import should still be waiting";
        EXPECT_TRUE(
            eventually([&] { return a.err_so_far().find("waiting for it to finish") != std::string::npos; }, 30s))
            << a.err_so_far();
        held.release();
        const auto ra = a.join();
        EXPECT_EQ(ra.exit_code, 0) << ra.err;
        EXPECT_NE(ra.err.find("territoire import: " + address +
                              ": another import of source datatourisme is writing to this catalogue; waiting for "
                              "it to finish"),
                  std::string::npos)
            << ra.err;
        EXPECT_NE(ra.out.find("1399 read, 1399 imported, 0 updated"), std::string::npos) << ra.out;
    }
    const std::int64_t osm_items = items_of(address, "osm");
    EXPECT_EQ(items_of(address, "datatourisme"), 1399);

    // Both at once, free-running: the same exact counts.
    const std::string again = test::fresh_postgis_database("side2");
    Background a(dir / "c", {"import", "--catalogue", again, feed()});
    Background b(dir / "d", {"import", "--catalogue", again, osm()});
    const auto ra = a.join(), rb = b.join();
    EXPECT_EQ(ra.exit_code, 0) << ra.err;
    EXPECT_EQ(rb.exit_code, 0) << rb.err;
    EXPECT_EQ(items_of(again, "datatourisme"), 1399);
    EXPECT_EQ(items_of(again, "osm"), osm_items);
    EXPECT_EQ(count_sql(again, "SELECT count(*) FROM territoire.offer_items"), 1399 + osm_items);
}

TEST(PostgisCli, TwoImportsOfOneSourceEndWithOneCopy) {
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string address = test::fresh_postgis_database("same");
    Background a(dir / "a", {"import", "--catalogue", address, feed()});
    Background b(dir / "b", {"import", "--catalogue", address, feed()});
    const auto ra = a.join(), rb = b.join();
    EXPECT_EQ(ra.exit_code, 0) << ra.err;
    EXPECT_EQ(rb.exit_code, 0) << rb.err;
    // One imported every record, the other found them all there.
    const bool a_first = ra.out.find("1399 imported, 0 updated") != std::string::npos;
    EXPECT_NE((a_first ? rb : ra).out.find("0 imported, 1399 updated"), std::string::npos) << ra.out << rb.out;
    EXPECT_EQ(items_of(address, "datatourisme"), 1399);
    EXPECT_EQ(count_sql(address, "SELECT count(DISTINCT source_id) FROM territoire.offer_items"), 1399);
    // Nothing but the wait message on stderr.
    for (const auto& run : {ra, rb}) {
        std::string err = run.err;
        const std::string wait = "territoire import: " + address +
                                 ": another import of source datatourisme is writing to this catalogue; waiting for "
                                 "it to finish\n";
        if (const auto at = err.find(wait); at != std::string::npos) err.erase(at, wait.size());
        EXPECT_EQ(err.find("territoire import:"), std::string::npos) << run.err;
    }
}

TEST(PostgisCli, AnImportKilledMidWayLeavesNothingAndTheNextOneWorks) {
    REQUIRE_SHARED_DATA();
    REQUIRE_POSTGIS();
    const fs::path dir = test::temp_dir();
    const std::string address = sample_database(dir, "kill");
    // A large source, so that the kill lands inside its transaction.
    const fs::path big = dir / "big.geojson";
    {
        std::ofstream out(big);
        out << R"({"type":"FeatureCollection","features":[)";
        constexpr int kPoints = 150'000;
        for (int i = 0; i < kPoints; ++i) {
            out << (i ? "," : "") << R"({"type":"Feature","properties":{"id":"p)" << i << R"(","name":"Point )" << i
                << R"("},"geometry":{"type":"Point","coordinates":[)" << 0.5 + (i % 1000) * 0.001 << ","
                << 47.0 + (i / 1000) * 0.001 << "]}}";
        }
        out << "]}";
    }
    Background run(dir / "run", {"import", "--catalogue", address, "--family", "heritage", big.string()});
    // Wait until the import writes (its COPY or its merge), then kill it.
    const std::string writing =
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'territoire' AND state = 'active' AND "
        "(query ILIKE 'COPY%' OR query ILIKE 'INSERT%')";
    ASSERT_TRUE(eventually([&] { return count_sql(address, writing) > 0; }, 120s)) << run.err_so_far();
    ASSERT_GT(run.pid(), 0);
    ASSERT_EQ(::kill(run.pid(), SIGKILL), 0);
    const auto killed = run.join();
    EXPECT_NE(killed.exit_code, 0) << "killed by a signal";
    // The server drops the dead session's transaction: none of it landed.
    EXPECT_TRUE(eventually(
        [&] {
            return count_sql(address,
                             "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'territoire' AND "
                             "pid <> pg_backend_pid()") == 0;
        },
        30s));
    EXPECT_EQ(items_of(address, "file:big.geojson"), 0);
    EXPECT_EQ(items_of(address, "datatourisme"), 1399);

    auto next = test::run_territoire(dir, {"import", "--catalogue", address, "--family", "heritage", big.string()});
    EXPECT_EQ(next.exit_code, 0) << next.err;
    EXPECT_NE(next.out.find("150000 read, 150000 imported, 0 updated, 0 skipped"), std::string::npos) << next.out;
    auto check = test::run_territoire(dir, {"check", "--catalogue", address});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("151399 offer items"), std::string::npos) << check.out;
}
