#include "io/experiment_writer.hpp"

#include <fmt/format.h>

#include "io/build_info.hpp"

namespace unrest::io {

std::string genocide_curve_csv(const scenario::Scenario& s, const run::GenocideCurveOptions& o,
                               const std::vector<run::GenocideCurvePoint>& curve) {
  std::string out = fmt::format(
      "# unrest {} commit {} experiment genocide scenario {} sha256 {} seeds {}..{} cap {}\n",
      kVersion, kGitCommit, s.name, s.source_sha256, s.seed, s.seed + o.runs - 1, o.cap);
  out += "cop_density,runs,mean,sd,median,share_capped\n";
  for (const run::GenocideCurvePoint& p : curve) {
    out += fmt::format("{:.3f},{},{:.3f},{:.3f},{:.1f},{:.4f}\n", p.density, p.times.size(), p.mean,
                       p.sd, p.median, p.share_capped);
  }
  return out;
}

}  // namespace unrest::io
