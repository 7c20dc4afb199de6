// Epstein's Model I under the parallel scheduler: the country model's hooks (conditions.hpp).
// With default conditions none of this changes a decision or draws a number. What officers
// do here only touches their own site and the site of the active they arrest, both within
// the reach the blocks are sized for; what the whole lattice does (forces arriving or
// leaving, crowds at sites) runs between periods, on one thread.
#include <algorithm>
#include <bit>
#include <cmath>

#include "models/epstein/parallel_model1.hpp"

namespace unrest::epstein {

void ParallelModelI::set_conditions(const RegionConditions& conditions) {
  conditions_ = conditions;
  if (conditions_.arrest_factor != probability_factor_) {
    probability_ = ArrestProbabilityTable(params_.arrest_ratio,
                                          params_.arrest_constant * conditions_.arrest_factor,
                                          static_cast<int>(citizen_view_.neighbourhood.size()) + 1);
    probability_factor_ = conditions_.arrest_factor;
  }
}

bool ParallelModelI::prices_felt() const {
  const std::vector<float>* quantiles = conditions_.exposure_quantiles;
  return conditions_.price_shock != 0.0 && quantiles != nullptr && !quantiles->empty();
}

double ParallelModelI::felt_hardship(double h, double exposure) const {
  if (conditions_.hardship_tail != 1.0) {
    h = 1.0 - (conditions_.hardship_tail == 2.0
                   ? std::sqrt(1.0 - h)
                   : std::pow(1.0 - h, 1.0 / conditions_.hardship_tail));
  }
  if (!prices_felt())
    return conditions_.hardship_baseline == 1.0 ? h : h * conditions_.hardship_baseline;
  return std::clamp(h * conditions_.hardship_baseline + exposure * conditions_.price_shock, 0.0,
                    1.0);
}

double ParallelModelI::hardship_now(std::uint32_t site) const {
  if (!prices_felt()) return felt_hardship(world_.hardship[site], 0.0);
  // The citizen's exposure: a quantile of the region's distribution, the same all its life.
  const std::vector<float>& quantiles = *conditions_.exposure_quantiles;
  core::Stream stream(seed_, core::Purpose::exposure, world_.id[site], 0);
  const auto q = static_cast<std::size_t>(
      (static_cast<std::uint64_t>(stream.next_u32()) * quantiles.size()) >> 32);
  return felt_hardship(world_.hardship[site], quantiles[q]);
}

void ParallelModelI::prepare_citizens() {
  steepest_exposure_ = 0.0;
  if (prices_felt()) {
    const auto [low, high] = std::minmax_element(conditions_.exposure_quantiles->begin(),
                                                 conditions_.exposure_quantiles->end());
    steepest_exposure_ = conditions_.price_shock > 0.0 ? *high : *low;
  }
  // The largest raw H whose ceiling stays at or below T, by bisection over the floats of
  // [0, 1] (ordered as their bit patterns); -1 when even H = 0 could pass T.
  const auto quiet = [&](float h) {
    return !can_ever_be_active(grievance_ceiling(h), params_.threshold);
  };
  if (!quiet(0.0f)) {
    quiet_up_to_ = -1.0f;
  } else if (quiet(1.0f)) {
    quiet_up_to_ = 1.0f;
  } else {
    std::uint32_t low = std::bit_cast<std::uint32_t>(0.0f);   // quiet
    std::uint32_t high = std::bit_cast<std::uint32_t>(1.0f);  // not quiet
    while (high - low > 1) {
      const std::uint32_t mid = low + (high - low) / 2;
      (quiet(std::bit_cast<float>(mid)) ? low : high) = mid;
    }
    quiet_up_to_ = std::bit_cast<float>(low);
  }
  citizens_rest_ = conditions_.rest_if_calm && highest_hardship_ <= quiet_up_to_;
}

double ParallelModelI::grievance_ceiling(float raw_hardship) const {
  // Every step from H to G is monotone, so no citizen of this H has a higher G; the margin
  // covers a pow() that might not be.
  constexpr double kMargin = 1e-12;
  return grievance(felt_hardship(raw_hardship, steepest_exposure_), legitimacy_) +
         conditions_.grievance_boost + kMargin;
}

void ParallelModelI::remove_agent(Position at) {
  vacate_bits(at);
  world_.occupant[at.site] = Occupant::empty;
}

bool ParallelModelI::deserts(Position at, core::Stream& draws, PeriodTally& tally) {
  // An officer has no hardship: its slot counts the activations in a row it was outnumbered.
  int cops = 0;
  int actives = 0;
  count_in_view(lattice_, cop_view_, at.x, at.y, cops, actives);
  float& outnumbered = world_.hardship[at.site];
  outnumbered = actives > conditions_.desertion_ratio * cops ? outnumbered + 1.0f : 0.0f;
  if (outnumbered < static_cast<float>(std::max(1, conditions_.desertion_periods))) return false;
  if (draws.uniform() >= conditions_.desertion_probability) return false;
  remove_agent(at);
  ++tally.deserted;
  return true;
}

bool ParallelModelI::turns_violent(Position at, Position target, core::Stream& draws,
                                   PeriodTally& tally) {
  int cops = 0;
  int actives = 0;
  count_in_view(lattice_, cop_view_, at.x, at.y, cops, actives);
  const double ratio = static_cast<double>(actives) / std::max(cops, 1);
  if (ratio < conditions_.crowd_ratio) return false;
  const bool troop = is_troop_id(world_.id[at.site]);
  const double officer_dies =
      std::min(1.0, conditions_.officer_killed * ratio / std::max(conditions_.crowd_ratio, 1e-9));
  if (draws.uniform() < officer_dies) {
    remove_agent(at);
    ++(troop ? tally.troops_killed : tally.police_killed);
    return true;
  }
  const double lethal = troop ? conditions_.troop_lethal_force : conditions_.lethal_force;
  if (draws.uniform() >= lethal) return false;
  remove_agent(target);
  ++tally.citizens_killed;
  tally.citizens_killed_by_troops += troop;
  return true;
}

std::uint64_t ParallelModelI::add_forces(std::uint64_t count, std::uint32_t period, bool troops) {
  core::Stream stream(seed_, core::Purpose::reinforcement, reinforcement_calls_++, period);
  std::uint64_t placed = 0;
  for (; placed < count; ++placed) {
    const std::uint32_t site = empty_site_anywhere(stream);
    if (site == kNoSite) break;
    const std::uint32_t id = world_.next_id++ | (troops ? kTroopIdBit : 0u);
    place(site, AgentKind::cop, id, {});
    stamp_[site] = stamp_of(period - 1);  // acts in `period`
  }
  cops_on_duty_ += placed;
  if (troops) troops_on_duty_ += placed;
  return placed;
}

std::uint64_t ParallelModelI::remove_forces(std::uint64_t count, std::uint32_t period,
                                            bool troops) {
  // (id, site) of the kind on duty, by id: the choice must not depend on where agents stand.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> on_duty;
  for (std::uint32_t s = 0; s < world_.site_count(); ++s) {
    if (world_.occupant[s] == Occupant::cop && is_troop_id(world_.id[s]) == troops)
      on_duty.emplace_back(world_.id[s], s);
  }
  std::sort(on_duty.begin(), on_duty.end());
  core::Stream stream(seed_, core::Purpose::reinforcement, reinforcement_calls_++, period);
  std::uint64_t removed = 0;
  for (; removed < count && !on_duty.empty(); ++removed) {
    const std::uint32_t pick = stream.below(static_cast<std::uint32_t>(on_duty.size()));
    remove_agent(position_of(on_duty[pick].second));
    on_duty.erase(on_duty.begin() + pick);
  }
  cops_on_duty_ -= removed;
  if (troops) troops_on_duty_ -= removed;
  return removed;
}

bool ParallelModelI::sweeps(Position at, std::uint32_t period, core::Stream& draws,
                            BlockOutput& out) {
  if (draws.uniform() >= conditions_.sweep) return false;
  // One look at a uniformly chosen site in view: the detentions follow the density of former
  // participants, and fall as they are taken.
  const auto& offsets = cop_view_.neighbourhood.offsets();
  if (offsets.empty()) return false;
  int x = 0;
  int y = 0;
  detail::offset_site(lattice_, at.x, at.y,
                      offsets[draws.below(static_cast<std::uint32_t>(offsets.size()))], x, y);
  const std::uint32_t s = world_.site_at(x, y);
  if (world_.occupant[s] != Occupant::quiet || !took_part(world_.id[s])) return false;
  detain({s, x, y}, world_.id[at.site], period, out);
  return true;
}

ParallelModelI::Crowd ParallelModelI::crowd_in_square(int x0, int y0, int side) const {
  Crowd crowd;
  const LatticeWorld& w = world_;
  for (int dy = 0; dy < side; ++dy) {
    const int y = (y0 + dy) % w.height;
    for (int dx = 0; dx < side; ++dx) {
      const std::uint32_t s = w.site_at((x0 + dx) % w.width, y);
      const Occupant o = w.occupant[s];
      crowd.actives += o == Occupant::active;
      if (o == Occupant::cop) ++(is_troop_id(w.id[s]) ? crowd.troops : crowd.police);
    }
  }
  return crowd;
}

}  // namespace unrest::epstein
