use yew::prelude::*;

#[function_component]
fn App() -> Html {
    html! { <h1>{ "Finsam-kalkyl" }</h1> }
}

pub fn start() {
    yew::Renderer::<App>::new().render();
}
