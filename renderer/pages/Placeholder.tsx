export function Placeholder({ title, body }: { title: string; body: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="muted">Not built yet. What will be here:</p>
      <p>{body}</p>
    </section>
  );
}
