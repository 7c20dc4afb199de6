// Shared by the serve tests: the message of the bad input a call throws.
#pragma once

#include <string>

#include "scenario/scenario.hpp"

namespace unrest::serve::testing_support {

// The message of the InputError `fn` throws, or "" if it throws none.
template <class Fn>
std::string error_of(Fn&& fn) {
  try {
    fn();
  } catch (const scenario::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace unrest::serve::testing_support
