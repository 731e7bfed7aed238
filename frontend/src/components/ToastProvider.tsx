import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Toast {
  id: string;
  /** Renders the toast's content; `close` removes it. */
  render: (close: () => void) => ReactNode;
  /** Accessible name of the toast. */
  label: string;
}

interface ToastApi {
  show: (toast: Toast) => void;
  dismiss: (id: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Light, non-blocking notifications in a corner; a toast with a form stays until the user acts. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: string) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: Toast) => setToasts((ts) => [...ts.filter((t) => t.id !== toast.id), toast]), []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="region" aria-label="Notifications">
        {toasts.map((t) => (
          <div key={t.id} className="toast" role="dialog" aria-modal="false" aria-label={t.label}>
            {t.render(() => dismiss(t.id))}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts needs a ToastProvider');
  return api;
}
