#pragma once
// The PostgreSQL / PostGIS server of the PostGIS suite: the throw-away
// cluster that scripts/test.sh starts (scripts/pg-cluster.sh), reached
// through the libpq environment it exports (PGHOST, PGPORT, PGUSER).
// Without that environment the PostGIS tests are skipped, or fail under
// CI=true (REQUIRE_POSTGIS).
#include <optional>
#include <string>

#include "tests/support/test_support.hpp"

namespace test {

// A server is configured (PGHOST set by scripts/pg-cluster.sh).
bool postgis_configured();

// A fresh, empty database for the running test (dropped first when a
// previous run left it), as a catalogue address "postgresql:///NAME" that
// holds no host, user or password: libpq finds them in its environment.
// Fails the test and returns "" when the server refuses.
std::string fresh_postgis_database(const std::string& suffix = "");

// Runs SQL as the cluster's administrator in database `database`; returns
// the first value of the first row ("" when none), or the server's message
// prefixed with "ERROR: ".
std::string admin_sql(const std::string& database, const std::string& sql);

}  // namespace test

#define REQUIRE_POSTGIS()                                                                     \
    do {                                                                                      \
        if (!test::postgis_configured())                                                      \
            SKIP_OR_FAIL_IN_CI(                                                               \
                "no PostgreSQL server: run the tests through scripts/test.sh, or source the " \
                "env file of scripts/pg-cluster.sh start DIR");                               \
    } while (0)
