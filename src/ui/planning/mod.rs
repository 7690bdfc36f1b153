//! "Vad har vi råd med?": the cost side of the scenario (cost lines, new
//! insatser, utilisation, indexation, interest, the equity guideline), the
//! room for new insatser per year, and the two goal seeks.

mod afford;
mod costs;
mod insatser;

use super::text::words;
use super::{Shared, Store};
use crate::state::{Draft, Field, State};
use afford::{Afford, Inputs};
use costs::CostEditor;
use insatser::NewInsatsForm;
use yew::prelude::*;

/// The panel, in three parts that each redraw only when what they show
/// changes: a raise typed into a kommun's row redraws the room and the goal
/// seeks, not the cost editor or the list of new insatser.
pub fn section(state: &State, dispatcher: &UseReducerDispatcher<Store>) -> Html {
    let (lang, w) = (state.lang, words(state.lang));
    let scenario = &state.scenario;
    let start = state.start_column();
    let years = state.from_years();
    let after = start
        .map(|i| state.outcome.columns[i].cost_lines.clone())
        .unwrap_or_default();
    let drafts: Vec<Draft> = state
        .drafts
        .iter()
        .filter(|d| {
            matches!(
                d.field,
                Field::Utilisation
                    | Field::CostIndex
                    | Field::Interest
                    | Field::Guideline
                    | Field::CostLine(_)
            )
        })
        .cloned()
        .collect();
    html! {
        <section class="planning" aria-labelledby="planning-title">
            <h2 id="planning-title">{ w.afford_title }</h2>
            <Afford
                {lang}
                inputs={std::rc::Rc::new(Inputs {
                    budget: Shared(std::rc::Rc::clone(&state.budget)),
                    base: Shared(std::rc::Rc::clone(&state.base)),
                    scenario: scenario.clone(),
                    options: state.options.clone(),
                })}
                from={state.outcome.from_year}
                years={years.clone()}
                dispatcher={dispatcher.clone()} />
            <CostEditor
                {lang}
                base={Shared(std::rc::Rc::clone(&state.base))}
                from={state.outcome.from_year}
                start={start}
                cost_changes={scenario.cost_changes.clone()}
                utilisation={scenario.utilisation_pct}
                cost_index={scenario.cost_index_pct}
                interest={scenario.interest_pct}
                guideline={state.options.equity_guideline_pct}
                {after}
                {drafts}
                dispatcher={dispatcher.clone()} />
            <NewInsatsForm
                {lang}
                {years}
                insatser={scenario.new_insatser.clone()}
                dispatcher={dispatcher.clone()} />
        </section>
    }
}
