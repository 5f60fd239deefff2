// The packed R*Tree must be one SQLite's own R*Tree accepts: rtreecheck()
// passes, window queries equal a brute-force scan, and rows inserted, moved
// and deleted afterwards through SQL keep it consistent.
#include "geo/store/rtree_bulk.hpp"

#include <gtest/gtest.h>

#include <random>

#include "geo/detail/handles.hpp"
#include "geo/store/sqlite_util.hpp"
#include "tests/support/test_support.hpp"

namespace {

struct Fixture {
    geo::detail::SqliteDb db;
};

Fixture open_with_rtree() {
    sqlite3* raw = nullptr;
    sqlite3_open(":memory:", &raw);
    geo::detail::SqliteDb db(raw);
    EXPECT_TRUE(geo::store::exec(db.get(), "CREATE VIRTUAL TABLE idx USING rtree(pkid, xmin, xmax, ymin, ymax)"));
    return {std::move(db)};
}

std::vector<geo::store::RtreeBox> random_points(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(-5.0, 9.5), lat(41.0, 51.5);
    std::vector<geo::store::RtreeBox> boxes;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = lon(rng), y = lat(rng);
        boxes.push_back({static_cast<std::int64_t>(i + 1), x, x, y, y});
    }
    return boxes;
}

std::string rtreecheck(sqlite3* db) {
    auto st = geo::store::prepare(db, "SELECT rtreecheck('idx')");
    EXPECT_TRUE(st);
    EXPECT_EQ(sqlite3_step(st->get()), SQLITE_ROW);
    return geo::store::column_text(st->get(), 0);
}

std::int64_t count_in(sqlite3* db, double w, double s, double e, double n) {
    auto st =
        geo::store::prepare(db, "SELECT count(*) FROM idx WHERE xmax >= ? AND xmin <= ? AND ymax >= ? AND ymin <= ?");
    if (!st) {
        ADD_FAILURE() << st.error().message;
        return -1;
    }
    geo::store::bind_double(st->get(), 1, w);
    geo::store::bind_double(st->get(), 2, e);
    geo::store::bind_double(st->get(), 3, s);
    geo::store::bind_double(st->get(), 4, n);
    sqlite3_step(st->get());
    return sqlite3_column_int64(st->get(), 0);
}

}  // namespace

class RtreeBulkSizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RtreeBulkSizes, PacksATreeSqliteAcceptsAndQueriesLikeAScan) {
    const std::size_t n = GetParam();
    auto f = open_with_rtree();
    const auto boxes = random_points(n, 42 + n);
    ASSERT_TRUE(geo::store::bulk_load_rtree(f.db.get(), "idx", boxes));
    EXPECT_EQ(rtreecheck(f.db.get()), "ok");
    EXPECT_EQ(*geo::store::query_int(f.db.get(), "SELECT count(*) FROM idx"), static_cast<std::int64_t>(n));

    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> lon(-5.0, 9.0), lat(41.0, 51.0), size(0.01, 3.0);
    for (int q = 0; q < 40; ++q) {
        const double w = lon(rng), s = lat(rng), e = w + size(rng), nn = s + size(rng);
        std::int64_t expected = 0;
        for (const auto& b : boxes) expected += b.min_x >= w && b.min_x <= e && b.min_y >= s && b.min_y <= nn;
        EXPECT_EQ(count_in(f.db.get(), w, s, e, nn), expected) << "window " << q;
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, RtreeBulkSizes, ::testing::Values(0, 1, 51, 52, 2'601, 2'602, 60'000));

TEST(RtreeBulk, StaysConsistentUnderLaterSqlWrites) {
    auto f = open_with_rtree();
    ASSERT_TRUE(geo::store::bulk_load_rtree(f.db.get(), "idx", random_points(20'000, 3)));
    sqlite3* db = f.db.get();
    ASSERT_TRUE(geo::store::exec(db, "INSERT INTO idx VALUES (50001, 1.5, 1.5, 47.6, 47.6)"));
    ASSERT_TRUE(geo::store::exec(db, "UPDATE idx SET xmin = 2.0, xmax = 2.0 WHERE pkid = 10"));
    ASSERT_TRUE(geo::store::exec(db, "DELETE FROM idx WHERE pkid BETWEEN 100 AND 5000"));
    EXPECT_EQ(rtreecheck(db), "ok");
    EXPECT_EQ(*geo::store::query_int(db, "SELECT count(*) FROM idx"), 20'000 - 4'901 + 1);
    EXPECT_EQ(count_in(db, 1.4999, 47.5999, 1.5001, 47.6001) >= 1, true);
}

TEST(RtreeBulk, ReplacesThePreviousContent) {
    auto f = open_with_rtree();
    ASSERT_TRUE(geo::store::bulk_load_rtree(f.db.get(), "idx", random_points(5'000, 1)));
    ASSERT_TRUE(geo::store::bulk_load_rtree(f.db.get(), "idx", random_points(300, 2)));
    EXPECT_EQ(rtreecheck(f.db.get()), "ok");
    EXPECT_EQ(*geo::store::query_int(f.db.get(), "SELECT count(*) FROM idx"), 300);
}

TEST(RtreeBulk, FailsCleanlyOnAMissingTable) {
    auto f = open_with_rtree();
    auto r = geo::store::bulk_load_rtree(f.db.get(), "nope", random_points(10, 1));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("nope"), std::string::npos) << r.error().message;
}
