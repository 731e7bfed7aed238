/** A WebSocket stand-in the tests drive by hand. */
export class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;

  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  send(data: string): void {
    this.sent.push(data);
  }

  /** The server or the network closed it. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }

  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
}
