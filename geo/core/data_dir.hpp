#pragma once
// Where runtime data (taxonomy.json, audiences.json, demo/) is found:
// $TERRITOIRE_DATA_DIR if set, else the source tree's data/ (development
// builds), else the install prefix's share/territoire.
#include <string>

namespace geo {
std::string data_dir();
}
