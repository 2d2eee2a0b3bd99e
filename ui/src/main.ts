import { mount } from "svelte";
import { mark } from "./lib/timings";
import { prefetchSectionList } from "./lib/api";

mark("script");
prefetchSectionList();
import "./app.css";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

export default mount(App, { target });
