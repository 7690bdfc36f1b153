use yew::prelude::*;

#[component]
fn App() -> Html {
    let text = use_state(String::new);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
        })
    };
    html! {
        <main>
            <label for="echo">{ "Text" }</label>
            <input id="echo" {oninput} />
            <output>{ (*text).clone() }</output>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
