import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main className="login-wrap">
      <div className="card login-card" role="alert" data-testid="forbidden">
        <h1>Not allowed</h1>
        <p>Your role does not give access to this page. Ask an admin of your organisation if you need it.</p>
        <Link href="/">Back to the overview</Link>
      </div>
    </main>
  );
}
