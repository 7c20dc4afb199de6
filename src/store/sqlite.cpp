#include "store/sqlite.hpp"

#include <fmt/format.h>

#include <utility>

namespace unrest::store {

Database::Database(const std::filesystem::path& path, Mode mode) : path_(path) {
  const int flags =
      mode == Mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int code = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    // SQLite allocates a handle even when opening fails; the destructor will not run.
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("{}: cannot open the store: {}", path_.string(), message));
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : path_(std::move(other.path_)), db_(std::exchange(other.db_, nullptr)) {}

void Database::fail(const std::string& doing, int code) const {
  const char* message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    throw StoreError(fmt::format(
        "{}: {}: the store is in use by another unrest process; wait for it to finish or give "
        "another --out",
        path_.string(), doing));
  }
  throw StoreError(fmt::format("{}: {}: {}", path_.string(), doing, message));
}

void Database::execute(const std::string& sql) {
  char* message = nullptr;
  const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    const std::string text = message != nullptr ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    if ((code & 0xff) == SQLITE_BUSY) fail("executing " + sql.substr(0, 40), code);
    throw StoreError(fmt::format("{}: {}", path_.string(), text));
  }
}

Statement Database::prepare(const std::string& sql) {
  return Statement(*this, sql);
}

Statement::Statement(Database& db, const std::string& sql) : db_(&db) {
  const int code = sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt_, nullptr);
  if (code != SQLITE_OK) db.fail("preparing a statement", code);
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), next_(other.next_) {}

Statement& Statement::bind(std::int64_t value) {
  const int code = sqlite3_bind_int64(stmt_, next_++, value);
  if (code != SQLITE_OK) db_->fail("binding a value", code);
  return *this;
}

Statement& Statement::bind(double value) {
  const int code = sqlite3_bind_double(stmt_, next_++, value);
  if (code != SQLITE_OK) db_->fail("binding a value", code);
  return *this;
}

Statement& Statement::bind(const std::string& value) {
  const int code = sqlite3_bind_text(stmt_, next_++, value.data(), static_cast<int>(value.size()),
                                     SQLITE_TRANSIENT);
  if (code != SQLITE_OK) db_->fail("binding a value", code);
  return *this;
}

Statement& Statement::bind_null() {
  const int code = sqlite3_bind_null(stmt_, next_++);
  if (code != SQLITE_OK) db_->fail("binding a value", code);
  return *this;
}

bool Statement::step() {
  const int code = sqlite3_step(stmt_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  db_->fail("running a statement", code);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  next_ = 1;
}

int Statement::columns() const {
  return sqlite3_column_count(stmt_);
}

std::string Statement::column_name(int i) const {
  const char* name = sqlite3_column_name(stmt_, i);
  return name != nullptr ? name : "";
}

bool Statement::is_null(int i) const {
  return sqlite3_column_type(stmt_, i) == SQLITE_NULL;
}

std::int64_t Statement::integer(int i) const {
  return sqlite3_column_int64(stmt_, i);
}

double Statement::real(int i) const {
  return sqlite3_column_double(stmt_, i);
}

std::string Statement::text(int i) const {
  const auto* bytes = sqlite3_column_text(stmt_, i);
  return bytes != nullptr ? std::string(reinterpret_cast<const char*>(bytes),
                                        static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
                          : std::string();
}

}  // namespace unrest::store
