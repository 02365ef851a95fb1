// Stylesheets are bundled by esbuild into app.css; importing one from TypeScript only orders it.
declare module '*.css';

declare module '@knight-lab/timelinejs' {
  /** TimelineJS 3 (https://timeline.knightlab.com/docs/options.html): only what this page uses. */
  export class Timeline {
    constructor(container: string | HTMLElement, data: object, options?: Record<string, unknown>);
    on(event: string, handler: (event: unknown) => void): void;
  }
}
