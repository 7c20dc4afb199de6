// How the country's state becomes each region's conditions for one period (mechanisms 3 to 7;
// models/epstein/conditions.hpp applies them inside the rules). A switched-off mechanism
// leaves its fields at the identity.
#include <algorithm>
#include <cmath>

#include "country/country_model.hpp"

namespace unrest::country {
namespace {

bool in_curfew(int hour, int start, int end) {
  return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
}

}  // namespace

double CountryModel::legitimacy_of(std::size_t r) const {
  const std::vector<double>& offset = params_.legitimacy.offset;
  return std::clamp(legitimacy_ + (offset.empty() ? 0.0 : offset[r]), 0.0, 1.0);
}

void CountryModel::set_conditions(std::uint32_t period) {
  const int hour = clock_.start_of(period).hour;
  const double adjust = params_.hardship.adjust_hours > 0
                            ? 1.0 - std::exp(-period_hours() / params_.hardship.adjust_hours)
                            : 1.0;
  for (std::size_t r = 0; r < lattices_.size(); ++r) {
    RegionState& s = states_[r];
    s.felt_price += (s.price - s.felt_price) * adjust;
    epstein::RegionConditions c;
    if (params_.legitimacy.enabled) {
      c.set_legitimacy = true;
      c.legitimacy = legitimacy_of(r);
    }
    if (params_.hardship.enabled) {
      c.hardship_baseline = params_.hardship.baseline;
      c.hardship_tail = params_.hardship.tail;
      c.price_shock = params_.hardship.sensitivity * (s.felt_price - 1.0);
      c.exposure_quantiles = &exposure_[r];
    }
    if (params_.information.enabled) {
      const double news = 1.0 - std::exp(-s.perceived / params_.information.saturation);
      c.grievance_boost += params_.information.grievance_gain * news;
      c.risk_factor = 1.0 - params_.information.fear_loss * news;
    }
    if (params_.emergency.enabled && s.emergency) {
      c.arrest_factor = params_.emergency.arrest_factor;
      c.sweep = params_.emergency.sweep;
      c.movement = !in_curfew(hour, params_.emergency.curfew_start, params_.emergency.curfew_end);
    }
    c.rest_if_calm = params_.rest_when_calm && s.active_share == 0.0;
    if (params_.police.motivation_enabled) c.cop_motivation = params_.police.motivation;
    c.troop_motivation = params_.intervention.motivation;
    if (params_.police.desertion_enabled) {
      c.desertion = true;
      c.desertion_ratio = params_.police.desertion_ratio;
      c.desertion_periods = static_cast<int>(periods_for_hours(params_.police.desertion_hours));
      c.desertion_probability = params_.police.desertion_probability;
    }
    if (params_.violence.enabled) {
      const double order = shoot_order_ ? params_.violence.shoot_order_factor : 1.0;
      c.grievance_boost += params_.violence.grievance_per_killed * s.killed_per_100k;
      c.violence = true;
      c.crowd_ratio = params_.violence.crowd_ratio;
      c.officer_killed = params_.violence.officer_killed;
      c.lethal_force = std::min(1.0, params_.violence.lethal_force * order);
      c.troop_lethal_force = std::min(1.0, params_.intervention.lethal_force * order);
    }
    lattices_[r].set_conditions(c);
  }
}

}  // namespace unrest::country
