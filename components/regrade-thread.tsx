// A regrade request's thread, oldest message first: who wrote, when (in the reader's time zone),
// and what. The student's view and the staff queue show the same thread; each names the author
// its own way (the student sees "You" for their own messages).
import { LocalTime } from "./local-time";

export type ThreadMessage = { key: string; author: string; at: string; text: string };

export function RegradeThread({ messages }: { messages: ThreadMessage[] }) {
  return (
    <ol className="regrade-thread">
      {messages.map((m) => (
        <li key={m.key}>
          <strong>{m.author}</strong>{" "}
          <span className="muted small">
            <LocalTime iso={m.at} />
          </span>
          <div className="pre-wrap">{m.text}</div>
        </li>
      ))}
    </ol>
  );
}
