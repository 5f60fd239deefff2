#pragma once
// Where runtime data (taxonomy.json, audiences.json, demo/) is found:
// $TERRITOIRE_DATA_DIR if set, else the source tree's data/ (development
// builds), else the install prefix's share/territoire.
// Threads: reads the environment (getenv) and the file system; safe on any
//   thread as long as nothing calls setenv() meanwhile.
// Failures: none reported: the path returned may not exist (the readers of
//   taxonomy.json, audiences.json… then fail naming the file). The source-tree
//   path is compiled into every build and preferred when it exists.
#include <string>

namespace geo {
std::string data_dir();
}
